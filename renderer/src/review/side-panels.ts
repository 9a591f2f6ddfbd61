// The review's side panels (History, Compare, Review), loaded the first time one is opened: they
// bring the compare engine and jsdiff with them, which the first frame does not need.

export { historyPanel } from "./history-panel";
export { comparePanel, comparedSide } from "./compare-panel";
export { reviewPanel } from "./review-panel";
