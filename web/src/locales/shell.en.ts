import type shellZh from './shell.zh-CN';

// The shell around every page (issue 16): the same keys as shell.zh-CN.ts.
const shell: typeof shellZh = {
  shell: {
    breadcrumb: 'You are here',
    home: 'Home',
    tabs: 'Open pages',
    closeTab: 'Close {title}',
    closeOthers: 'Close others',
    tabMenu: 'Tab actions',
  },
  states: {
    loadFailed: 'Could not load',
    retry: 'Retry',
    empty: 'No data',
    emptyShelf: 'No projects on the shelf yet: use "New project" to offer one',
    emptyShelfReader: 'No projects on the shelf yet; they appear here once units offer them',
    emptyShelfFiltered: 'No project matches: try another keyword or status',
    emptyNeeds: 'No needs yet: use "Report a need" to record what residents raised',
    emptyNeedsReader: 'No needs yet; they appear here once grid workers report them',
    emptyActivities: 'No activities yet: use "New activity" to organise one',
    emptyActivitiesReader: 'No activities yet; they appear here once published',
    emptyUnits: 'No member units yet: use "New member unit" or "Import" to add them',
    emptyUnitsReader: 'No member units yet',
    emptyFiltered: 'Nothing matches: change the filters and search again',
  },
};
export default shell;
