export default defineBackground(() => {
  // Chrome opens the side panel from the toolbar button; Firefox uses its sidebar instead.
  browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
});
