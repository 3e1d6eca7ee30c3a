// Stands in for node:module in the browser build: highs imports it only when it runs in Node.
export default {};
