/**
 * The header's action buttons (Eksporter, Presenter, Beregn på nytt) show their icon only in a pane
 * narrower than 440 px, so the title and «Oppdatert på …» keep their room at the pane's usual
 * widths (320–400 px). Each button keeps its name as aria-label and a tooltip.
 */
import { makeStyles } from "@fluentui/react-components";

export const useHeaderButtonStyles = makeStyles({
  button: { "@media (max-width: 439px)": { minWidth: "0", paddingLeft: "4px", paddingRight: "4px" } },
  label: { "@media (max-width: 439px)": { display: "none" } },
});
