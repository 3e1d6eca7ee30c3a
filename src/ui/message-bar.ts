/**
 * For Fluent's MessageBar without a MessageBarTitle: `aria-labelledby={NO_TITLE}` drops the
 * reference Fluent makes to a title that is not there (a dangling id); the bar's text is its content.
 */
export const NO_TITLE = undefined;
