import type { ActivityKind, CategoryCode, UnitKind } from '@alliance/shared';

/*
 * The demo alliance, modelled on the Songshan community figures in docs/domain.md.
 * Every organisation and person here is invented; phones are well-formed but
 * made up.
 */

export const MAIN_ALLIANCE = {
  key: 'songshan',
  name: '松山社区区域化党建联盟',
  regionName: '呼伦贝尔市海拉尔区健康街道松山社区',
};

export const NEIGHBOUR_ALLIANCE = {
  key: 'songlin',
  name: '松林社区区域化党建联盟',
  regionName: '呼伦贝尔市海拉尔区健康街道松林社区',
};

// Every alliance's own (modules/alliance/standard.ts): production code takes them from there, not from the demo data.
export { CATEGORIES, gridName } from '../alliance/standard.js';

/**
 * A unit's co-building agreements over time (seed.ts writes them):
 * - HELD: signed two weeks after joining and renewed term after term, valid today;
 * - EXPIRING: the same, but the current term ends within 30 days (not yet renewed);
 * - LAPSED: signed only after the article's date, ended last month, not renewed;
 * - NONE: never signed.
 */
export type DemoAgreementHistory = 'HELD' | 'EXPIRING' | 'LAPSED' | 'NONE';

export interface DemoUnit {
  name: string;
  kind: UnitKind;
  creditPrefix: string | null;
  partyOrgName: string;
  partyMemberCount: number;
  contactName: string;
  contactPhone: string;
  address: string;
  /** The day it joined the alliance (YYYY-MM-DD, the alliance's local date): history, so absolute. */
  joinedAt: string;
  agreement: DemoAgreementHistory;
}

/**
 * The timeline (docs/domain.md "Demo data"). The docs give no founding date;
 * the demo alliance is founded on 1 July 2018 (七一) with four units, grows to
 * the article's 12 units, 9 of them with a valid agreement, by its date,
 * 2 August 2021, and carries on to today.
 */
export const MAIN_FOUNDED = '2018-07-01';
export const NEIGHBOUR_FOUNDED = '2022-03-01';
/** The article's date: the figures docs/domain.md quotes hold on this day. */
export const ARTICLE_DATE = '2021-08-02';
/** The kinds of the article's "240+ joint actions": 创城创卫, 帮扶助困, 疫情防控. */
export const ARTICLE_ACTIVITY_KINDS: readonly ActivityKind[] = ['CIVILIZED_CITY', 'ASSISTANCE', 'EPIDEMIC_PREVENTION'];

// 12 units, 9 of them with a valid co-building agreement, today as on the article's date (docs/domain.md);
// two of the nine are due for renewal within the month.
export const MAIN_UNITS: DemoUnit[] = [
  { name: '海拉尔区松风小学', kind: 'PUBLIC_INSTITUTION', creditPrefix: '12', partyOrgName: '松风小学党支部', partyMemberCount: 38, contactName: '林晓燕', contactPhone: '13804701201', address: '健康街道松风路18号', joinedAt: '2018-07-01', agreement: 'HELD' },
  { name: '松林医院', kind: 'PUBLIC_INSTITUTION', creditPrefix: '12', partyOrgName: '松林医院党总支', partyMemberCount: 64, contactName: '赵明远', contactPhone: '13804701202', address: '健康街道北山路5号', joinedAt: '2018-07-01', agreement: 'HELD' },
  { name: '北辰供电服务站', kind: 'STATE_ENTERPRISE', creditPrefix: '91', partyOrgName: '北辰供电服务站党支部', partyMemberCount: 21, contactName: '王志刚', contactPhone: '13904701203', address: '健康街道电力巷3号', joinedAt: '2018-10-15', agreement: 'HELD' },
  { name: '青原律师事务所', kind: 'PRIVATE_ENTERPRISE', creditPrefix: '31', partyOrgName: '青原律师事务所党支部', partyMemberCount: 7, contactName: '孙婧', contactPhone: '13704701204', address: '健康街道中央大街66号', joinedAt: '2019-04-22', agreement: 'EXPIRING' },
  { name: '绿洲物业服务有限公司', kind: 'PRIVATE_ENTERPRISE', creditPrefix: '91', partyOrgName: '绿洲物业党支部', partyMemberCount: 9, contactName: '周建华', contactPhone: '13604701205', address: '松山小区物业楼1层', joinedAt: '2018-11-20', agreement: 'HELD' },
  { name: '星火志愿者协会', kind: 'SOCIAL_ORGANIZATION', creditPrefix: '51', partyOrgName: '星火志愿者协会功能型党支部', partyMemberCount: 12, contactName: '李春梅', contactPhone: '13504701206', address: '松山社区党群服务中心2楼', joinedAt: '2019-09-10', agreement: 'HELD' },
  { name: '健康街道税务服务所', kind: 'GOVERNMENT_AGENCY', creditPrefix: '11', partyOrgName: '税务服务所党支部', partyMemberCount: 16, contactName: '吴立新', contactPhone: '04708212207', address: '健康街道新华路21号', joinedAt: '2018-07-01', agreement: 'HELD' },
  { name: '松山派出所', kind: 'GOVERNMENT_AGENCY', creditPrefix: '11', partyOrgName: '松山派出所党支部', partyMemberCount: 23, contactName: '郑国强', contactPhone: '04708212208', address: '健康街道平安路9号', joinedAt: '2018-07-01', agreement: 'HELD' },
  { name: '惠民燃气服务中心', kind: 'STATE_ENTERPRISE', creditPrefix: '91', partyOrgName: '惠民燃气党支部', partyMemberCount: 14, contactName: '冯丽', contactPhone: '13204701209', address: '健康街道河东路12号', joinedAt: '2021-03-16', agreement: 'EXPIRING' },
  { name: '海拉尔区第三幼儿园', kind: 'PUBLIC_INSTITUTION', creditPrefix: '12', partyOrgName: '第三幼儿园党支部', partyMemberCount: 11, contactName: '陈静', contactPhone: '13104701210', address: '松山小区南门东侧', joinedAt: '2020-09-08', agreement: 'LAPSED' },
  { name: '乐邻家政服务社', kind: 'PRIVATE_ENTERPRISE', creditPrefix: '92', partyOrgName: '乐邻家政联合党支部', partyMemberCount: 3, contactName: '何秀英', contactPhone: '15004701211', address: '健康街道菜市场北侧', joinedAt: '2021-01-12', agreement: 'LAPSED' },
  { name: '红石书画社', kind: 'SOCIAL_ORGANIZATION', creditPrefix: null, partyOrgName: '红石书画社党小组', partyMemberCount: 4, contactName: '韩东', contactPhone: '15104701212', address: '松山社区文化活动室', joinedAt: '2021-06-18', agreement: 'NONE' },
];

export const NEIGHBOUR_UNITS: DemoUnit[] = [
  { name: '松林第二中学', kind: 'PUBLIC_INSTITUTION', creditPrefix: '12', partyOrgName: '松林二中党支部', partyMemberCount: 41, contactName: '秦海波', contactPhone: '13804702301', address: '松林路88号', joinedAt: '2022-03-01', agreement: 'HELD' },
  { name: '松林社区卫生站', kind: 'PUBLIC_INSTITUTION', creditPrefix: '12', partyOrgName: '卫生站党小组', partyMemberCount: 5, contactName: '许蕾', contactPhone: '13804702302', address: '松林路12号', joinedAt: '2022-03-01', agreement: 'HELD' },
  { name: '邻里便民超市', kind: 'PRIVATE_ENTERPRISE', creditPrefix: '92', partyOrgName: '便民超市党小组', partyMemberCount: 2, contactName: '曹宇', contactPhone: '13804702303', address: '松林路40号', joinedAt: '2023-05-10', agreement: 'LAPSED' },
];

export interface DemoProject {
  /** Index into the unit list of its alliance. */
  unit: number;
  category: CategoryCode;
  title: string;
  description: string;
  capacityPerMonth: number | null;
  tags: string[];
}

const P = (unit: number, category: CategoryCode, title: string, description: string, capacityPerMonth: number | null, tags: string[]): DemoProject => ({
  unit,
  category,
  title,
  description,
  capacityPerMonth,
  tags,
});

// 56 projects across the three categories; the seed leaves a few in each non-public status.
export const MAIN_PROJECTS: DemoProject[] = [
  P(0, 'PARTY_MASS_SERVICE', '四点半课堂', '放学后为双职工家庭孩子提供作业辅导和兴趣活动，由党员教师轮流值守。', 20, ['教育', '青少年']),
  P(0, 'PARTY_MASS_SERVICE', '假期托管班', '寒暑假开放教室和操场，为社区孩子提供看护、阅读和体育活动。', 4, ['教育', '托管']),
  P(0, 'LIVELIHOOD_SECURITY', '青少年心理辅导', '学校心理教师每月为社区青少年及家长提供心理咨询与家庭教育讲座。', 8, ['心理', '青少年']),
  P(0, 'PARTY_MASS_SERVICE', '操场错时开放', '周末和节假日向社区居民错时开放学校操场和篮球场。', null, ['场地', '健身']),
  P(0, 'PARTY_MASS_SERVICE', '红色故事宣讲', '党员教师走进社区讲述党史故事，开展爱国主义教育。', 2, ['党史', '宣讲']),
  P(1, 'LIVELIHOOD_SECURITY', '老年人免费体检', '每月为辖区65岁以上老人提供血压、血糖、心电图等免费体检。', 60, ['医疗', '老年人', '体检']),
  P(1, 'LIVELIHOOD_SECURITY', '家庭医生签约上门', '家庭医生为行动不便的居民上门问诊、换药、开具慢病处方。', 30, ['医疗', '上门', '慢病']),
  P(1, 'LIVELIHOOD_SECURITY', '慢病健康讲座', '高血压、糖尿病等慢性病防治讲座及用药指导。', 2, ['医疗', '讲座']),
  P(1, 'LIVELIHOOD_SECURITY', '急救技能培训', '心肺复苏和海姆立克急救法培训，面向楼长和网格员。', 2, ['急救', '培训']),
  P(1, 'PARTY_MASS_SERVICE', '义诊进社区', '专家团队每季度到社区广场义诊，提供健康咨询。', 1, ['医疗', '义诊']),
  P(2, 'LIVELIHOOD_SECURITY', '楼道照明维修', '党员电工为老旧小区更换楼道灯、声控开关，排查线路隐患。', 15, ['照明', '电路', '维修', '楼道灯']),
  P(2, 'LIVELIHOOD_SECURITY', '家庭用电安全检查', '上门检查老旧线路、插座和电器使用安全，讲解防火知识。', 20, ['用电', '安全']),
  P(2, 'ENVIRONMENT_SANITATION', '电动车充电桩安装', '在小区内规划安装集中充电桩，杜绝飞线充电。', 3, ['充电桩', '电动车', '消防']),
  P(2, 'LIVELIHOOD_SECURITY', '停电应急服务', '计划停电提前通知，为独居老人和病患家庭提供应急照明。', null, ['停电', '应急']),
  P(3, 'LIVELIHOOD_SECURITY', '免费法律咨询', '律师每周二下午在社区党群服务中心坐班，解答婚姻、继承、劳动纠纷等问题。', 16, ['法律', '咨询']),
  P(3, 'LIVELIHOOD_SECURITY', '邻里纠纷调解', '律师参与邻里纠纷调解，出具调解意见，化解矛盾。', 6, ['调解', '法律']),
  P(3, 'PARTY_MASS_SERVICE', '普法宣传进楼栋', '以案说法讲解防诈骗、赡养老人、物业纠纷等常见法律问题。', 2, ['普法', '防诈骗']),
  P(3, 'LIVELIHOOD_SECURITY', '农民工讨薪援助', '为辖区务工人员提供欠薪维权法律援助。', 4, ['法律援助', '劳动']),
  P(4, 'ENVIRONMENT_SANITATION', '楼道杂物清理', '物业党员带队清理楼道堆放杂物，消除消防隐患。', 10, ['楼道', '消防', '清理']),
  P(4, 'ENVIRONMENT_SANITATION', '单元门维修更换', '维修或更换损坏的单元门、门禁和闭门器。', 8, ['单元门', '门禁', '维修']),
  P(4, 'ENVIRONMENT_SANITATION', '冬季清雪除冰', '降雪后及时清理小区主干道、楼门口积雪，铺设防滑垫。', null, ['清雪', '冬季']),
  P(4, 'ENVIRONMENT_SANITATION', '绿化带修剪补植', '修剪小区绿化带，补植草坪和树木。', 4, ['绿化']),
  P(4, 'LIVELIHOOD_SECURITY', '下水管道疏通', '疏通堵塞的下水管道和化粪池，处理污水外溢。', 12, ['下水', '管道', '疏通']),
  P(4, 'ENVIRONMENT_SANITATION', '垃圾分类督导', '物业与志愿者在投放点值守，指导居民垃圾分类。', null, ['垃圾分类']),
  P(5, 'PARTY_MASS_SERVICE', '独居老人结对关爱', '志愿者与独居老人结对，每周电话问候、每月上门探访。', 40, ['老年人', '关爱', '独居']),
  P(5, 'PARTY_MASS_SERVICE', '助老代购代办', '为行动不便老人代购生活用品、代缴水电燃气费。', 30, ['老年人', '代办']),
  P(5, 'ENVIRONMENT_SANITATION', '小广告清理行动', '清除楼道、电线杆上的小广告和乱涂乱画。', 6, ['小广告', '市容']),
  P(5, 'PARTY_MASS_SERVICE', '智能手机教学', '教老年人使用智能手机扫码、视频通话、网上挂号。', 8, ['老年人', '智能手机']),
  P(5, 'LIVELIHOOD_SECURITY', '困难家庭帮扶', '为低保、残疾、大病家庭提供物资帮扶和就业信息。', 10, ['帮扶', '困难家庭']),
  P(6, 'LIVELIHOOD_SECURITY', '个税社保政策辅导', '税务干部讲解个税专项附加扣除、灵活就业社保缴纳。', 4, ['税务', '社保']),
  P(6, 'PARTY_MASS_SERVICE', '小微企业办税帮办', '为辖区个体户和小微企业提供办税指导和电子税务局帮办。', 10, ['税务', '企业']),
  P(6, 'PARTY_MASS_SERVICE', '党员志愿服务日', '每月第一个周六组织党员到社区报到服务。', 1, ['党员', '志愿服务']),
  P(7, 'LIVELIHOOD_SECURITY', '防诈骗宣传', '民警进楼栋讲解电信诈骗新手法，帮助居民安装反诈APP。', 6, ['防诈骗', '安全']),
  P(7, 'LIVELIHOOD_SECURITY', '户籍业务上门办理', '为卧床老人和残疾人上门办理身份证、户口业务。', 10, ['户籍', '上门']),
  P(7, 'ENVIRONMENT_SANITATION', '僵尸车清理', '排查清理小区内长期停放的废旧车辆，释放停车位。', 2, ['停车', '车辆']),
  P(7, 'LIVELIHOOD_SECURITY', '夜间巡逻守护', '民警与楼长联合夜间巡逻，排查治安隐患。', null, ['治安', '巡逻']),
  P(8, 'LIVELIHOOD_SECURITY', '燃气安全入户检查', '上门检查燃气管道、阀门和报警器，更换老化胶管。', 40, ['燃气', '安全', '入户']),
  P(8, 'LIVELIHOOD_SECURITY', '燃气报警器安装', '为老旧小区居民免费安装燃气泄漏报警器。', 20, ['燃气', '报警器']),
  P(8, 'PARTY_MASS_SERVICE', '冬季供暖咨询', '解答供暖收费、暖气不热报修等问题。', 4, ['供暖', '咨询']),
  P(9, 'PARTY_MASS_SERVICE', '亲子阅读活动', '幼儿园教师为社区0-6岁儿童家庭开展亲子绘本阅读。', 4, ['亲子', '阅读']),
  P(9, 'LIVELIHOOD_SECURITY', '婴幼儿养育指导', '保育员讲解科学喂养、早期发展和安全防护知识。', 2, ['育儿', '指导']),
  P(10, 'LIVELIHOOD_SECURITY', '家电清洗维修', '为困难家庭免费清洗油烟机、空调，维修小家电。', 10, ['家电', '维修']),
  P(10, 'ENVIRONMENT_SANITATION', '老人居家保洁', '为高龄独居老人提供每月一次的居家保洁。', 15, ['保洁', '老年人']),
  P(10, 'LIVELIHOOD_SECURITY', '水龙头和管件更换', '更换漏水的水龙头、角阀和软管。', 20, ['漏水', '维修', '水管']),
  P(11, 'PARTY_MASS_SERVICE', '书法公益课', '每周六上午为社区居民开设书法公益课。', 4, ['书法', '文化']),
  P(11, 'PARTY_MASS_SERVICE', '春联义写', '春节前为居民义写春联、福字。', 1, ['春节', '文化']),
  P(11, 'ENVIRONMENT_SANITATION', '文化墙彩绘', '为小区破旧围墙绘制文明城市主题彩绘。', 1, ['彩绘', '市容']),
  P(5, 'ENVIRONMENT_SANITATION', '公共区域消杀', '对楼道扶手、电梯按钮、垃圾站定期消毒。', 8, ['消杀', '防疫']),
  P(4, 'ENVIRONMENT_SANITATION', '路灯和庭院灯维修', '维修小区内不亮的路灯、庭院灯，更换节能灯具。', 10, ['照明', '路灯', '维修']),
  P(2, 'LIVELIHOOD_SECURITY', '电表和线路改造咨询', '解答一户一表改造、线路增容等用电业务。', 6, ['用电', '电表']),
  P(1, 'LIVELIHOOD_SECURITY', '疫苗接种服务', '组织老人和儿童集中接种流感、新冠等疫苗。', 4, ['疫苗', '防疫']),
  P(6, 'LIVELIHOOD_SECURITY', '退休人员资格认证帮办', '帮助退休人员完成养老金资格认证。', 20, ['养老金', '认证']),
  P(3, 'LIVELIHOOD_SECURITY', '遗嘱和赡养协议起草', '律师免费为老人起草遗嘱、赡养协议。', 4, ['遗嘱', '赡养', '法律']),
  P(8, 'ENVIRONMENT_SANITATION', '老旧燃气管道改造', '配合老旧小区改造更换锈蚀燃气立管。', 2, ['燃气', '改造']),
  P(7, 'PARTY_MASS_SERVICE', '青少年法治课堂', '民警走进学校和社区讲授交通安全和法治知识。', 2, ['法治', '青少年']),
  P(0, 'ENVIRONMENT_SANITATION', '小手拉大手文明行动', '学生带动家长参与垃圾分类和文明养犬宣传。', 2, ['文明', '垃圾分类']),
];

export const NEIGHBOUR_PROJECTS: DemoProject[] = [
  P(0, 'PARTY_MASS_SERVICE', '松林课后辅导', '二中教师为初中生提供课后答疑。', 10, ['教育']),
  P(1, 'LIVELIHOOD_SECURITY', '松林健康小屋', '卫生站每周测量血压血糖。', 40, ['医疗']),
  P(1, 'LIVELIHOOD_SECURITY', '松林楼道灯维修', '卫生站电工志愿者更换楼道灯。', 5, ['照明']),
  P(2, 'LIVELIHOOD_SECURITY', '松林送货上门', '为老人免费送米面油上门。', 30, ['老年人']),
  P(2, 'ENVIRONMENT_SANITATION', '松林门前三包', '超市门前清扫和垃圾清运。', null, ['市容']),
];

/* ------------------------------------------------------------------------ *
 * The workload: residents' needs and joint activities (seed-workload.ts).  *
 * ------------------------------------------------------------------------ */

/** A kind of resident request, with the ways residents put it and who can help. */
export interface NeedTheme {
  key: string;
  /** The category the grid worker files it under. */
  category: CategoryCode;
  titles: string[];
  details: string[];
  /** Shelf projects (indices into the alliance's project list) that deliver it, best first. */
  projects: number[];
  /** The member unit (index) that takes it on when it is claimed rather than ordered. */
  unit: number;
  plan: string;
  resolution: string;
}

const T = (
  key: string,
  category: CategoryCode,
  projects: number[],
  unit: number,
  titles: string[],
  details: string[],
  plan: string,
  resolution: string,
): NeedTheme => ({ key, category, projects, unit, titles, details, plan, resolution });

export const MAIN_NEED_THEMES: NeedTheme[] = [
  T('LIGHT', 'LIVELIHOOD_SECURITY', [10], 2,
    ['楼道灯坏了', '楼道灯不亮了', '单元楼道声控灯失灵', '楼梯间的灯一直不亮', '楼道灯晚上一闪一闪的'],
    ['楼道灯坏了好几天，晚上上下楼黑漆漆的，老人摔过一次。', '声控开关没反应，拍手跺脚都不亮，住户自己买了灯泡也够不着换。', '楼梯间照明坏了，孩子晚上放学回家很害怕，希望尽快修好。'],
    '北辰供电服务站党员电工上门更换灯具和声控开关，并排查楼道线路。', '已更换LED声控灯4盏，线路检查无隐患，居民试用正常。'),
  T('GATE', 'ENVIRONMENT_SANITATION', [19], 4,
    ['单元门关不上', '单元门门禁坏了', '单元门闭门器损坏', '楼门锁坏了陌生人随便进', '单元门变形关不严'],
    ['单元门合页变形，冬天冷风直往楼道灌，暖气管都快冻了。', '门禁读卡器坏了，门一直敞着，外来人员随意进出，住户担心安全。', '闭门器漏油失效，门关得太猛，差点夹到孩子的手。'],
    '绿洲物业维修组现场勘查，维修或整体更换单元门及闭门器。', '已更换单元门和闭门器，门禁恢复正常，住户已领取新门卡。'),
  T('DRAIN', 'LIVELIHOOD_SECURITY', [22], 4,
    ['下水道堵了', '厨房下水管堵塞返味', '一楼下水返水', '小区化粪池外溢', '卫生间下水不通'],
    ['一楼住户家下水返水，地面全是污水，屋里气味很大。', '整个单元的厨房下水都不畅，洗碗水排不下去。', '化粪池满溢，污水流到人行道上，路过的居民都绕着走。'],
    '物业疏通班组使用高压疏通车清理主管道，必要时清掏化粪池。', '主管道已疏通，化粪池已清掏，地面冲洗消毒完毕。'),
  T('ELDER_CHECK', 'LIVELIHOOD_SECURITY', [5, 6], 1,
    ['老人需要上门体检', '独居老人想做个体检', '瘫痪老人需要医生上门', '高龄老人行动不便想量血压', '老人慢病需要定期随访'],
    ['老人八十多岁腿脚不好，去医院排队太难，希望医生能上门看看。', '老人有高血压和糖尿病，子女在外地，想请家庭医生定期随访。', '老人长期卧床，需要上门测血压血糖，开点常用药。'],
    '松林医院家庭医生团队预约上门，完成体检并建立健康档案。', '医生已上门体检，建立健康档案并签约家庭医生，每月随访。'),
  T('CHARGER', 'ENVIRONMENT_SANITATION', [12], 2,
    ['小区想装电动车充电桩', '电动车飞线充电很危险', '楼下没有充电的地方', '申请增设电动车充电桩', '电瓶车只能从楼上拉线充电'],
    ['不少住户从窗户拉电线给电动车充电，电线垂在楼外，很不安全。', '电动车越来越多，楼道里推车上楼充电，堵住了通道。', '居民联名希望在车棚安装集中充电桩，方便又安全。'],
    '北辰供电服务站现场选址，在车棚安装智能充电桩并接入独立电表。', '已在车棚安装10口智能充电桩，扫码充电，飞线充电已劝离。'),
  T('ADS', 'ENVIRONMENT_SANITATION', [26], 5,
    ['楼道里贴满小广告', '单元门上小广告清不掉', '电线杆上乱贴乱画', '墙上喷涂开锁广告', '小广告又贴回来了'],
    ['楼道墙面贴满开锁、通下水的小广告，撕了又贴，很影响环境。', '单元门和电表箱上都是小广告，有的用油漆喷的，擦不掉。', '小区围墙和电线杆被乱贴乱画，创城检查前希望清理干净。'],
    '星火志愿者协会组织志愿者清理，并在楼道设置便民信息栏。', '已清除小广告和喷涂，墙面重新粉刷，设置便民信息栏2处。'),
  T('NOISE', 'LIVELIHOOD_SECURITY', [15], 3,
    ['邻里噪音纠纷', '楼上深夜噪音扰民', '邻居装修噪音太大', '楼下广场舞声音太吵', '邻居家狗半夜叫'],
    ['楼上住户经常半夜拖椅子、走路很重，沟通多次无效，双方吵过架。', '邻居装修周末一早就开电钻，家里有高考学生，希望协调施工时间。', '晚上广场舞音响开得很大，影响老人和孩子休息。'],
    '青原律师事务所律师参与调解，约双方到社区调解室面谈。', '双方达成调解协议，约定作息时段并签字，回访无再发矛盾。'),
  T('CLUTTER', 'ENVIRONMENT_SANITATION', [18], 4,
    ['楼道堆放杂物堵塞通道', '楼梯间堆满纸箱', '消防通道被杂物占用', '邻居在楼道放旧家具'],
    ['楼梯拐角堆了旧沙发和纸箱，消防通道被堵，存在火灾隐患。', '有住户在楼道囤积废品，气味很大还招老鼠。', '楼道里停放自行车和杂物，老人下楼只能侧身走。'],
    '绿洲物业联合网格员逐户告知，限期自行清理，逾期集中清运。', '楼道杂物已全部清理，张贴消防通道禁止堆物提示。'),
  T('STREETLIGHT', 'ENVIRONMENT_SANITATION', [48, 10], 4,
    ['小区路灯不亮', '庭院灯坏了一排', '院里路灯晚上不亮不安全', '停车场照明灯坏了'],
    ['小区主路的路灯坏了好几盏，晚上回家一片漆黑。', '花园边的庭院灯一排都不亮，晚上散步看不见路。', '停车场没有照明，晚上停车经常刮蹭。'],
    '物业维修组检修线路，更换损坏的灯具为节能LED灯。', '已更换路灯和庭院灯8盏，线路检修完毕，夜间照明恢复。'),
  T('GAS', 'LIVELIHOOD_SECURITY', [36, 37], 8,
    ['家里有燃气味', '燃气胶管老化想更换', '想安装燃气报警器', '燃气表附近有异味'],
    ['厨房里总能闻到一股燃气味，老人不敢做饭。', '燃气软管用了十多年，已经发硬开裂，想请专业人员更换。', '家里老人记性不好，担心忘关火，想装个燃气泄漏报警器。'],
    '惠民燃气服务中心安排安检员入户检测，更换老化胶管、加装报警器。', '入户检测无泄漏，已更换金属波纹管并安装燃气报警器。'),
  T('LEAK', 'LIVELIHOOD_SECURITY', [43, 22], 10,
    ['水龙头漏水', '厨房角阀漏水', '卫生间软管渗水', '自来水管接口漏水'],
    ['厨房水龙头关不严，一直滴水，水费涨了不少。', '卫生间角阀生锈漏水，楼下邻居天花板都湿了。', '水管接口渗水，地板泡起来了，老人自己修不了。'],
    '乐邻家政服务社师傅上门更换水龙头、角阀和软管。', '已更换水龙头和角阀，试水无渗漏。'),
  T('SNOW', 'ENVIRONMENT_SANITATION', [20], 4,
    ['楼门口积雪结冰', '小区主路积雪没人清', '台阶结冰老人摔倒', '人行道积雪太厚'],
    ['昨夜大雪，单元门口结了厚厚一层冰，早上有老人滑倒。', '小区主路积雪压实成冰，车出不去，人也不好走。', '台阶上全是冰，老人出门买菜很危险。'],
    '物业组织清雪队并发动党员志愿者清雪除冰，铺设防滑垫。', '主路和楼门口积雪已清除，撒融雪剂并铺设防滑垫。'),
  T('LONELY', 'PARTY_MASS_SERVICE', [24, 25], 5,
    ['独居老人需要有人照看', '空巢老人希望有人探望', '老人独自在家无人照料', '高龄老人需要代买生活用品'],
    ['老人一个人住，子女在外地工作，希望社区能经常有人去看看。', '老人行动不便，买菜、交水电费都困难，希望有人帮忙。', '老人最近记性变差，家属担心出意外，希望有人定期探望。'],
    '星火志愿者协会安排志愿者结对，每周电话问候、每月上门探访。', '已安排两名志愿者结对，每周探访并代购生活用品。'),
  T('KIDS', 'PARTY_MASS_SERVICE', [0, 1], 0,
    ['孩子放学没人接管', '双职工家庭孩子放学后没人看', '暑假孩子无人照看', '想给孩子找个写作业的地方'],
    ['夫妻俩都上班到六点，孩子三点半放学后没人管，只能在街上玩。', '放假期间孩子一个人在家，家长很不放心。', '家里地方小，孩子写作业没有安静的地方。'],
    '松风小学党员教师开设课后辅导，安排孩子参加四点半课堂。', '孩子已纳入四点半课堂，每天有老师辅导作业。'),
  T('LEGAL', 'LIVELIHOOD_SECURITY', [14, 52], 3,
    ['房产继承纠纷咨询', '想咨询离婚财产分割', '老人想立遗嘱', '租房押金不退想问法律'],
    ['父母留下一套老房子，兄妹几个对继承有分歧，想咨询律师。', '房东不退押金还扣钱，想了解怎么维权。', '老人想提前立好遗嘱，避免以后子女闹矛盾。'],
    '青原律师事务所律师预约面谈，提供法律意见或代写文书。', '律师已面谈解答，出具书面法律意见，居民表示清楚了。'),
  T('WAGE', 'LIVELIHOOD_SECURITY', [17], 3,
    ['装修工人被拖欠工资', '打工工资被拖欠半年', '农民工讨薪求助'],
    ['在工地干了半年活，包工头一直拖着不给工钱。', '给人装修干完活，对方找各种理由不付款。'],
    '青原律师事务所提供法律援助，协助收集证据并与用工方协商。', '经律师协商，用工方已结清拖欠工资。'),
  T('FRAUD', 'LIVELIHOOD_SECURITY', [32], 7,
    ['老人接到诈骗电话', '有人上门推销保健品疑似诈骗', '希望给老人讲讲防骗知识'],
    ['老人接到自称公检法的电话，差点把存款转出去，家人很担心。', '有人以免费体检为名拉老人听课推销保健品。'],
    '松山派出所民警入户宣传，帮助老人安装反诈APP。', '民警已上门讲解防骗知识，安装国家反诈中心APP。'),
  T('ZOMBIE', 'ENVIRONMENT_SANITATION', [34], 7,
    ['小区僵尸车占车位', '废旧汽车长期停放', '报废三轮车堆在楼下'],
    ['一辆车在楼下停了两年没动过，落满灰，还占着车位。', '几辆报废三轮车堆在楼边，影响通行也难看。'],
    '松山派出所联系车主限期挪车，无主车辆依法拖移。', '已清理僵尸车3辆，腾出车位。'),
  T('PHONE', 'PARTY_MASS_SERVICE', [27], 5,
    ['老人不会用手机扫码', '想学用手机视频通话', '老人不会网上挂号'],
    ['现在买菜、坐车都要扫码，老人不会用，出门很不方便。', '想和外地的孙子视频，可是不会操作手机。'],
    '星火志愿者协会安排智能手机教学，一对一辅导。', '志愿者已上门教学三次，老人学会扫码和视频通话。'),
  T('HUKOU', 'LIVELIHOOD_SECURITY', [33], 7,
    ['卧床老人身份证过期', '残疾人办户口不方便出门'],
    ['老人常年卧床，身份证过期了，没法去派出所拍照办理。', '家里有残疾人，办理户籍业务出门很困难。'],
    '松山派出所户籍民警预约上门办理。', '户籍民警已上门采集信息，新身份证已送达。'),
  T('POOR', 'LIVELIHOOD_SECURITY', [28], 5,
    ['低保户冬季生活困难', '大病家庭需要帮扶', '残疾人家庭缺少过冬物资'],
    ['家里一人患重病，治疗花光了积蓄，孩子上学也要钱。', '低保户家里暖气不够热，缺少过冬的棉衣棉被。'],
    '星火志愿者协会对接帮扶资源，送去物资并协助申请救助。', '已送去米面油和棉被，协助申请临时救助。'),
  T('PENSION', 'LIVELIHOOD_SECURITY', [51], 6,
    ['退休老人不会做资格认证', '养老金认证需要帮忙'],
    ['养老金要做资格认证，老人不会用手机刷脸，担心停发。'],
    '税务服务所党员干部上门帮办资格认证。', '已协助完成养老金资格认证。'),
  T('GREEN', 'ENVIRONMENT_SANITATION', [21], 4,
    ['绿化带杂草丛生', '树枝挡住窗户', '草坪被踩秃了'],
    ['楼前树木多年没修剪，树枝伸到窗户上，屋里采光很差。', '绿化带里杂草长得比人高，还有蚊虫。'],
    '物业绿化组修剪树木、清除杂草并补植草坪。', '已修剪树木12棵，清除杂草并补植草坪。'),
  T('GARBAGE', 'ENVIRONMENT_SANITATION', [23], 4,
    ['垃圾桶满了没人清运', '垃圾分类投放点脏乱', '垃圾站气味太大'],
    ['垃圾桶满了好几天没人拉，垃圾堆在地上，夏天味道很大。', '投放点周围到处是散落垃圾，分类桶也分不清。'],
    '物业调整清运频次，志愿者在投放点值守督导分类。', '已增加清运频次，投放点冲洗干净，志愿者定时督导。'),
  T('HEATING', 'PARTY_MASS_SERVICE', [38], 8,
    ['暖气不热', '家里暖气温度太低', '暖气片不热想放气'],
    ['家里暖气摸着是凉的，室温只有十四五度，老人冻得受不了。', '暖气上面热下面凉，可能需要放气或清洗。'],
    '惠民燃气服务中心协调供热站检测室温，上门排气。', '已协调供热站上门排气，室温恢复到20度以上。'),
  T('MENTAL', 'LIVELIHOOD_SECURITY', [2], 0,
    ['孩子厌学情绪严重', '青少年心理辅导需求', '孩子沉迷手机和家长冲突'],
    ['孩子上初中后不愿意去学校，在家也不说话，家长很着急。', '孩子整天玩手机，一管就发脾气，家长不知道怎么办。'],
    '松风小学心理教师预约面谈，开展家庭教育指导。', '心理教师已面谈三次，孩子情绪好转，家长参加了家庭教育讲座。'),
  T('ELECTRIC', 'LIVELIHOOD_SECURITY', [11, 49], 2,
    ['家里电线老化经常跳闸', '插座冒火花', '想申请一户一表'],
    ['老房子电线是三十年前的，一开空调就跳闸。', '厨房插座插上电器就冒火花，有烧焦的味道。'],
    '北辰供电服务站上门检查线路，更换老化插座，讲解安全用电。', '已更换老化插座和空开，线路检测合格。'),
  T('DISINFECT', 'ENVIRONMENT_SANITATION', [47], 5,
    ['楼道需要消毒', '垃圾站蚊蝇多需要消杀', '电梯按钮需要定期消毒'],
    ['最近流感多，楼道扶手、电梯按钮每天很多人摸，希望定期消毒。', '垃圾站周围蚊子苍蝇特别多，附近住户不敢开窗。'],
    '星火志愿者协会组织消杀小组定期消毒。', '已完成公共区域消杀，建立每周消杀台账。'),
  T('PATROL', 'LIVELIHOOD_SECURITY', [35], 7,
    ['小区夜里有可疑人员', '电动车电瓶被偷', '地下室门锁被撬'],
    ['最近夜里总有陌生人在楼下转悠，居民心里不踏实。', '车棚里电动车电瓶连续被偷了好几个。'],
    '松山派出所加强夜间巡逻，联合楼长排查隐患。', '已增加夜间巡逻频次，车棚加装监控。'),
  T('HOMECLEAN', 'ENVIRONMENT_SANITATION', [42], 10,
    ['高龄老人家里需要打扫', '独居老人家里卫生太差'],
    ['老人九十岁了，家里很久没打扫，厨房油污很重。'],
    '乐邻家政服务社安排保洁员上门保洁。', '保洁员已上门保洁，并约定每月上门一次。'),
  T('HANDRAIL', 'LIVELIHOOD_SECURITY', [], 4,
    ['楼梯扶手松动', '希望楼道加装扶手'],
    ['楼梯扶手晃得厉害，老人扶着上楼很危险。', '楼道没有扶手，腿脚不好的老人上下楼很吃力。'],
    '绿洲物业认领，维修加固扶手并在缺失处加装。', '扶手已加固，新装不锈钢扶手两段。'),
];

/** Themes that only appear in 2020 (docs/domain.md: 1 youth counselling station built; lifts and roofs take years). */
export const MAIN_2020_THEMES: NeedTheme[] = [
  T('COUNSEL', 'LIVELIHOOD_SECURITY', [], 0,
    ['希望社区建一个青少年心理辅导站'],
    ['社区青少年心理问题增多，家长希望有个固定的地方能找老师聊聊。'],
    '松风小学认领，在党群服务中心设立青少年心理辅导站，心理教师轮流值守。', '青少年心理辅导站已挂牌开放，每周二、四下午有老师值守。'),
  T('ELEVATOR', 'LIVELIHOOD_SECURITY', [], 4,
    ['老楼加装电梯', '六楼老人下不了楼希望装电梯'],
    ['楼里住着很多七八十岁的老人，住在高层的一年都下不了几次楼。'],
    '绿洲物业认领，协助征求全体业主意见并申报老旧小区加装电梯项目。', ''),
  T('ROOF', 'LIVELIHOOD_SECURITY', [], 4,
    ['顶楼屋面漏雨'],
    ['一下雨顶楼就漏水，墙皮都泡掉了，家里放满了接水的盆。'],
    '绿洲物业认领，申报屋面防水维修资金，雨季前先做临时封堵。', ''),
];

/** Requests the committee turned down, with its reason (screened REPORTED -> REJECTED). */
export const REJECTED_REQUESTS: { title: string; detail: string; reason: string }[] = [
  { title: '希望物业费降价', detail: '觉得物业费太贵了，希望社区出面让物业降价。', reason: '物业收费由物业服务合同约定，已引导居民通过业主委员会协商。' },
  { title: '要求拆除邻居私搭的阳光房', detail: '一楼邻居在院里私搭阳光房，挡住了我家的光线。', reason: '违章建筑查处属城管执法部门职责，已转交街道城管中队。' },
  { title: '暖气费太贵想少交', detail: '家里常年没人住，想少交一些暖气费。', reason: '供热价格和收费政策由供热主管部门确定，已做政策解释。' },
  { title: '孩子上学想换学区', detail: '想让孩子去更好的学校，希望社区开个证明。', reason: '学区划分由教育部门确定，不属于社区受理范围。' },
  { title: '希望在楼下开设早市', detail: '附近买菜不方便，想在楼下空地摆早市。', reason: '占道经营不符合市容管理规定，已推荐附近便民菜店。' },
  { title: '重复反映：楼道灯不亮', detail: '同一单元楼道灯问题再次反映。', reason: '与已受理的需求重复，已合并到原需求处理。' },
  { title: '要求赔偿车辆被树枝砸坏', detail: '大风把树枝吹断砸坏了我的车，要求赔偿。', reason: '属财产损害赔偿纠纷，已引导向物业和保险公司主张，并告知可申请人民调解。' },
  { title: '想让社区帮忙办理贷款', detail: '做小生意缺钱，想让社区帮忙找银行贷款。', reason: '不属于民生微实事受理范围，已告知人社部门创业担保贷款政策。' },
];

export const NEIGHBOUR_NEED_THEMES: NeedTheme[] = [
  T('LIGHT', 'LIVELIHOOD_SECURITY', [2], 1,
    ['松林小区楼道灯不亮', '楼梯灯坏了'],
    ['楼道灯坏了一个多星期，晚上上楼只能打手电。'],
    '卫生站电工志愿者上门更换楼道灯。', '已更换楼道灯2盏。'),
  T('ELDER', 'LIVELIHOOD_SECURITY', [1], 1,
    ['老人想定期量血压', '独居老人需要健康检查'],
    ['老人有高血压，想每周测一次血压。'],
    '卫生站健康小屋预约每周测量。', '已纳入健康小屋每周测量名单。'),
  T('DELIVERY', 'PARTY_MASS_SERVICE', [3], 2,
    ['老人买米面油搬不动', '希望有人送货上门'],
    ['老人住五楼，米面油扛不上去。'],
    '便民超市每周送货上门。', '已安排每周送货上门。'),
  T('STUDY', 'PARTY_MASS_SERVICE', [0], 0,
    ['初中生作业没人辅导'],
    ['家长不会辅导初中数学，孩子成绩下滑。'],
    '二中教师课后答疑。', '孩子已参加课后答疑。'),
];

/** A template of joint activity (联建活动). */
export interface ActivityTemplate {
  kind: ActivityKind;
  category: CategoryCode | null;
  title: string;
  description: string;
  location: string;
  summary: string;
  /** Months (1..12) it happens in; all when absent. */
  months?: number[];
  /** Years it happened in (the epidemic's); every year when absent. */
  years?: number[];
  /** The shelf project it delivers (index), attached when that project was already on the shelf. */
  project?: number;
  /** Need themes an action of this kind takes on. */
  needThemes?: string[];
  beneficiaries: [number, number];
}

const A = (
  kind: ActivityKind,
  category: CategoryCode | null,
  title: string,
  description: string,
  location: string,
  summary: string,
  beneficiaries: [number, number],
  extra: Partial<Pick<ActivityTemplate, 'months' | 'years' | 'project' | 'needThemes'>> = {},
): ActivityTemplate => ({ kind, category, title, description, location, summary, beneficiaries, ...extra });

const WINTER = [11, 12, 1, 2, 3];

export const MAIN_ACTIVITY_TEMPLATES: ActivityTemplate[] = [
  A('CIVILIZED_CITY', 'ENVIRONMENT_SANITATION', '文明城市创建环境大扫除', '共建单位党员与居民一起清理卫生死角、楼道和绿化带。', '松山小区各楼栋', '清理卫生死角和楼道，清运垃圾数车，小区环境明显改善。', [150, 600]),
  A('CIVILIZED_CITY', 'ENVIRONMENT_SANITATION', '冬季清雪志愿行动', '降雪后组织党员志愿者清理主路和楼门口积雪，铺设防滑垫。', '松山小区主干道', '清理主路和楼门口积雪，铺设防滑垫，保障居民出行。', [300, 1200], { months: WINTER, project: 20, needThemes: ['SNOW'] }),
  A('CIVILIZED_CITY', 'ENVIRONMENT_SANITATION', '小广告集中清理', '清除楼道、单元门、电线杆上的小广告和乱涂乱画。', '松山小区各单元楼道', '清除小广告和喷涂，设置便民信息栏。', [200, 800], { project: 26, needThemes: ['ADS'] }),
  A('CIVILIZED_CITY', 'ENVIRONMENT_SANITATION', '楼道杂物清理整治', '逐楼清理楼道堆物，打通消防通道。', '松山小区各楼栋', '清理楼道堆物，打通消防生命通道。', [150, 500], { project: 18, needThemes: ['CLUTTER'] }),
  A('CIVILIZED_CITY', 'ENVIRONMENT_SANITATION', '垃圾分类宣传督导', '在投放点值守，指导居民正确分类投放。', '松山小区垃圾投放点', '值守投放点，发放宣传册，居民分类准确率提升。', [200, 700], { project: 23, needThemes: ['GARBAGE'] }),
  A('CIVILIZED_CITY', 'ENVIRONMENT_SANITATION', '春季植树绿化', '补植树木和草坪，修剪绿化带。', '松山小区中心花园', '补植树木和草坪，修剪绿化带。', [300, 900], { months: [4, 5], project: 21, needThemes: ['GREEN'] }),
  A('CIVILIZED_CITY', 'ENVIRONMENT_SANITATION', '背街小巷环境整治', '整治背街小巷乱堆乱放、乱搭乱建。', '健康街道背街小巷', '整治乱堆乱放，清运建筑垃圾。', [100, 400]),
  A('CIVILIZED_CITY', 'ENVIRONMENT_SANITATION', '僵尸车集中清理', '排查清理长期停放的废旧车辆。', '松山小区停车场', '清理废旧车辆，释放停车位。', [100, 300], { project: 34, needThemes: ['ZOMBIE'] }),
  A('CIVILIZED_CITY', 'PARTY_MASS_SERVICE', '文明养犬宣传', '学生和志愿者宣传文明养犬、牵绳出行。', '松山小区中心广场', '发放宣传单，劝导不文明养犬行为。', [100, 400], { project: 55 }),
  A('ASSISTANCE', 'PARTY_MASS_SERVICE', '重阳节敬老慰问', '走访慰问高龄、独居老人，送去慰问品。', '松山社区', '慰问高龄和独居老人，送去慰问品和祝福。', [40, 120], { months: [10] }),
  A('ASSISTANCE', 'LIVELIHOOD_SECURITY', '困难家庭冬季送温暖', '为低保、残疾、大病家庭送去米面油和棉被。', '松山社区', '为困难家庭送去过冬物资。', [20, 80], { months: [12, 1, 2], project: 28, needThemes: ['POOR'] }),
  A('ASSISTANCE', 'PARTY_MASS_SERVICE', '独居老人上门探访', '志愿者结对探访独居老人，检查居家安全。', '松山社区独居老人家中', '探访独居老人，排查居家安全隐患。', [20, 60], { project: 24, needThemes: ['LONELY'] }),
  A('ASSISTANCE', 'LIVELIHOOD_SECURITY', '助残日志愿服务', '为残疾人家庭提供理发、家电维修等服务。', '松山社区党群服务中心', '为残疾人家庭提供理发、维修等服务。', [30, 100], { months: [5] }),
  A('ASSISTANCE', 'LIVELIHOOD_SECURITY', '金秋助学', '资助困难家庭学生，赠送学习用品。', '松山社区党群服务中心', '资助困难学生，赠送书包文具。', [10, 40], { months: [8, 9] }),
  A('ASSISTANCE', 'ENVIRONMENT_SANITATION', '老人居家保洁日', '为高龄独居老人上门保洁。', '松山社区高龄老人家中', '为高龄老人上门保洁。', [10, 40], { project: 42, needThemes: ['HOMECLEAN'] }),
  A('EPIDEMIC_PREVENTION', 'LIVELIHOOD_SECURITY', '流感疫苗接种引导', '组织老人和儿童集中接种流感疫苗，志愿者维持秩序。', '松山社区卫生服务站', '引导居民接种流感疫苗，维持现场秩序。', [150, 500], { months: [10, 11, 12], project: 50 }),
  A('EPIDEMIC_PREVENTION', 'LIVELIHOOD_SECURITY', '疫情防控卡口值守', '共建单位党员到小区出入口值守，测温、扫码、登记。', '松山小区各出入口', '卡口值守，测温登记，守住小区防线。', [1000, 3000], { years: [2020, 2021, 2022] }),
  A('EPIDEMIC_PREVENTION', 'LIVELIHOOD_SECURITY', '核酸检测志愿服务', '协助医护人员维持秩序、信息登记，为行动不便老人上门采样引导。', '松山社区党群服务中心广场', '维持检测秩序，完成信息登记，引导老人优先检测。', [800, 2500], { years: [2021, 2022] }),
  A('EPIDEMIC_PREVENTION', 'PARTY_MASS_SERVICE', '居家隔离家庭代购送菜', '为居家隔离和独居老人家庭代购送菜、送药上门。', '松山社区', '为居家家庭代购送菜送药。', [30, 120], { years: [2020, 2021, 2022] }),
  A('EPIDEMIC_PREVENTION', 'ENVIRONMENT_SANITATION', '公共区域消杀', '对楼道扶手、电梯按钮、垃圾站集中消毒。', '松山小区公共区域', '完成公共区域消杀并登记台账。', [500, 1500], { project: 47, needThemes: ['DISINFECT'] }),
  A('EPIDEMIC_PREVENTION', 'LIVELIHOOD_SECURITY', '传染病防控知识宣传', '讲解流感、诺如病毒等传染病防护知识。', '松山社区党群服务中心', '发放防控手册，讲解传染病防护知识。', [100, 400]),
  A('EPIDEMIC_PREVENTION', 'ENVIRONMENT_SANITATION', '夏季防蚊灭蝇行动', '清理积水，投放灭蚊药，消杀垃圾站。', '松山小区', '清理积水容器，垃圾站消杀。', [300, 900], { months: [6, 7, 8], project: 47 }),
  A('EPIDEMIC_PREVENTION', 'LIVELIHOOD_SECURITY', '老年人健康筛查', '为65岁以上老人测量血压血糖，建立健康档案。', '松山社区党群服务中心', '为老人完成健康筛查，发现异常及时转诊。', [60, 200], { project: 5, needThemes: ['ELDER_CHECK'] }),
  A('SERVICE', 'LIVELIHOOD_SECURITY', '免费法律咨询日', '律师现场解答婚姻、继承、劳动纠纷问题。', '松山社区党群服务中心', '律师现场解答法律问题。', [20, 60], { project: 14, needThemes: ['LEGAL'] }),
  A('SERVICE', 'PARTY_MASS_SERVICE', '义诊进社区', '专家团队到社区广场义诊。', '松山小区中心广场', '专家义诊，提供健康咨询。', [80, 300], { project: 9, needThemes: ['ELDER_CHECK'] }),
  A('SERVICE', 'LIVELIHOOD_SECURITY', '燃气安全入户检查', '逐户检查燃气管道、阀门和报警器。', '松山小区各楼栋', '入户检查燃气设施，更换老化胶管。', [100, 400], { project: 36, needThemes: ['GAS'] }),
  A('SERVICE', 'LIVELIHOOD_SECURITY', '家庭用电安全检查', '检查老旧线路和插座，讲解防火知识。', '松山小区各楼栋', '入户检查用电安全，更换老化插座。', [80, 300], { project: 11, needThemes: ['ELECTRIC'] }),
  A('SERVICE', 'PARTY_MASS_SERVICE', '智能手机教学课堂', '志愿者教老年人使用智能手机。', '松山社区党群服务中心', '教老人扫码、视频通话、网上挂号。', [20, 60], { project: 27, needThemes: ['PHONE'] }),
  A('SERVICE', 'LIVELIHOOD_SECURITY', '防诈骗宣传进楼栋', '民警讲解电信诈骗新手法，帮助安装反诈APP。', '松山小区各楼栋', '宣传防诈骗知识，安装反诈APP。', [100, 400], { project: 32, needThemes: ['FRAUD'] }),
  A('SERVICE', 'PARTY_MASS_SERVICE', '四点半课堂', '党员教师为双职工家庭孩子辅导作业。', '松山社区党群服务中心', '辅导孩子作业，开展兴趣活动。', [20, 50], { project: 0, needThemes: ['KIDS'] }),
  A('SERVICE', 'PARTY_MASS_SERVICE', '党员志愿服务日', '共建单位党员到社区报到服务。', '松山社区', '党员报到服务，认领微心愿。', [100, 300], { project: 31 }),
  A('SERVICE', 'LIVELIHOOD_SECURITY', '个税社保政策宣讲', '讲解个税专项附加扣除和灵活就业社保。', '松山社区党群服务中心', '解答个税社保问题。', [30, 100], { project: 29 }),
  A('SERVICE', 'LIVELIHOOD_SECURITY', '急救技能培训', '心肺复苏和海姆立克急救法培训。', '松山社区党群服务中心', '培训楼长和网格员急救技能。', [20, 60], { project: 8 }),
  A('SERVICE', 'LIVELIHOOD_SECURITY', '楼道照明集中检修', '党员电工逐楼检修楼道灯和声控开关。', '松山小区各楼栋', '检修楼道灯，更换损坏灯具。', [200, 600], { project: 10, needThemes: ['LIGHT'] }),
  A('SERVICE', 'ENVIRONMENT_SANITATION', '单元门集中维修', '维修更换损坏的单元门和闭门器。', '松山小区各楼栋', '维修更换单元门和闭门器。', [100, 400], { project: 19, needThemes: ['GATE'] }),
  A('OTHER', 'PARTY_MASS_SERVICE', '七一党建联建交流会', '共建单位党组织交流党建经验，签订年度共建项目。', '松山社区党群服务中心', '交流党建经验，确定年度共建项目。', [30, 80], { months: [6, 7] }),
  A('OTHER', 'PARTY_MASS_SERVICE', '共建单位联席会议', '通报需求办理情况，协调共建资源。', '松山社区党群服务中心', '通报需求办理进度，协调共建资源。', [15, 40]),
  A('OTHER', 'PARTY_MASS_SERVICE', '迎新春联欢会', '共建单位与居民共庆新春，书写春联。', '松山社区文化活动室', '联欢演出，义写春联福字。', [150, 400], { months: [1, 2] }),
  A('OTHER', 'PARTY_MASS_SERVICE', '邻里运动会', '拔河、跳绳等趣味比赛，增进邻里感情。', '松风小学操场', '开展趣味比赛，增进邻里感情。', [200, 500], { months: [6, 7, 8, 9], project: 3 }),
];

// The neighbour's activities are not attached to its projects: a little of everything, kept simple.
export const NEIGHBOUR_ACTIVITY_TEMPLATES: ActivityTemplate[] = [
  A('CIVILIZED_CITY', 'ENVIRONMENT_SANITATION', '松林环境整治', '清理楼道和绿化带。', '松林小区', '清理楼道和绿化带。', [100, 300]),
  A('ASSISTANCE', 'PARTY_MASS_SERVICE', '松林送温暖', '为老人送米面油上门。', '松林社区', '为老人送去生活物资。', [20, 60]),
  A('EPIDEMIC_PREVENTION', 'LIVELIHOOD_SECURITY', '松林健康义诊', '卫生站测量血压血糖。', '松林社区卫生站', '为老人测量血压血糖。', [40, 120], { needThemes: ['ELDER'] }),
  A('SERVICE', 'PARTY_MASS_SERVICE', '松林课后答疑', '二中教师课后答疑。', '松林第二中学', '为初中生答疑。', [20, 50], { needThemes: ['STUDY'] }),
];

/** Invented surnames and forms of address for requesters (no real person). */
export const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文'.split('');
export const ADDRESS_FORMS = ['先生', '女士', '阿姨', '大爷', '奶奶', '师傅', '大姐'];

export const CANCEL_REASONS = [
  '天气原因（暴雪），活动取消。',
  '场地临时被占用，改期另行通知。',
  '报名单位不足，本期取消。',
  '与街道统一行动时间冲突，取消。',
  '大风橙色预警，户外活动取消。',
];
