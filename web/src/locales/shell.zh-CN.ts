// The shell around every page (issue 16): breadcrumbs, open-page tabs, and the states of a page.
export default {
  shell: {
    breadcrumb: '当前位置',
    home: '首页',
    tabs: '已打开的页面',
    closeTab: '关闭 {title}',
    closeOthers: '关闭其他',
    tabMenu: '标签页操作',
  },
  states: {
    loadFailed: '加载失败',
    retry: '重试',
    empty: '暂无数据',
    emptyShelf: '暂无货架项目，点击“新建项目”上架',
    emptyShelfReader: '暂无货架项目，成员单位上架后会显示在这里',
    emptyShelfFiltered: '没有符合条件的项目，可换个关键词或状态再查',
    emptyNeeds: '暂无需求，点击“上报需求”登记居民反映的问题',
    emptyNeedsReader: '暂无需求，网格员上报后会显示在这里',
    emptyActivities: '暂无活动，点击“新建活动”组织一次联建活动',
    emptyActivitiesReader: '暂无活动，发布后会显示在这里',
    emptyUnits: '暂无成员单位，点击“新增成员单位”或“导入”加入联盟',
    emptyUnitsReader: '暂无成员单位',
    emptyFiltered: '没有符合条件的记录，可调整筛选条件后再查',
  },
};
