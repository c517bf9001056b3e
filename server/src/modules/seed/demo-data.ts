import type { CategoryCode, UnitKind } from '@alliance/shared';

/*
 * The demo alliance, modelled on the Songshan community figures in domain.md.
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

export const CATEGORIES: { code: CategoryCode; name: string }[] = [
  { code: 'PARTY_MASS_SERVICE', name: '党群服务' },
  { code: 'ENVIRONMENT_SANITATION', name: '环境卫生' },
  { code: 'LIVELIHOOD_SECURITY', name: '民生保障' },
];

const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
export const gridName = (i: number) => `第${CN_NUMBERS[i]}网格`;

export interface DemoUnit {
  name: string;
  kind: UnitKind;
  creditPrefix: string | null;
  partyOrgName: string;
  partyMemberCount: number;
  contactName: string;
  contactPhone: string;
  address: string;
  /** Years since joining; an agreement valid today when `agreement` is true. */
  joinedYearsAgo: number;
  agreement: boolean;
}

// 12 units, 9 of them with a valid co-building agreement (domain.md).
export const MAIN_UNITS: DemoUnit[] = [
  { name: '海拉尔区松风小学', kind: 'PUBLIC_INSTITUTION', creditPrefix: '12', partyOrgName: '松风小学党支部', partyMemberCount: 38, contactName: '林晓燕', contactPhone: '13804701201', address: '健康街道松风路18号', joinedYearsAgo: 6, agreement: true },
  { name: '松林医院', kind: 'PUBLIC_INSTITUTION', creditPrefix: '12', partyOrgName: '松林医院党总支', partyMemberCount: 64, contactName: '赵明远', contactPhone: '13804701202', address: '健康街道北山路5号', joinedYearsAgo: 6, agreement: true },
  { name: '北辰供电服务站', kind: 'STATE_ENTERPRISE', creditPrefix: '91', partyOrgName: '北辰供电服务站党支部', partyMemberCount: 21, contactName: '王志刚', contactPhone: '13904701203', address: '健康街道电力巷3号', joinedYearsAgo: 5, agreement: true },
  { name: '青原律师事务所', kind: 'PRIVATE_ENTERPRISE', creditPrefix: '31', partyOrgName: '青原律师事务所党支部', partyMemberCount: 7, contactName: '孙婧', contactPhone: '13704701204', address: '健康街道中央大街66号', joinedYearsAgo: 4, agreement: true },
  { name: '绿洲物业服务有限公司', kind: 'PRIVATE_ENTERPRISE', creditPrefix: '91', partyOrgName: '绿洲物业党支部', partyMemberCount: 9, contactName: '周建华', contactPhone: '13604701205', address: '松山小区物业楼1层', joinedYearsAgo: 5, agreement: true },
  { name: '星火志愿者协会', kind: 'SOCIAL_ORGANIZATION', creditPrefix: '51', partyOrgName: '星火志愿者协会功能型党支部', partyMemberCount: 12, contactName: '李春梅', contactPhone: '13504701206', address: '松山社区党群服务中心2楼', joinedYearsAgo: 3, agreement: true },
  { name: '健康街道税务服务所', kind: 'GOVERNMENT_AGENCY', creditPrefix: '11', partyOrgName: '税务服务所党支部', partyMemberCount: 16, contactName: '吴立新', contactPhone: '04708212207', address: '健康街道新华路21号', joinedYearsAgo: 6, agreement: true },
  { name: '松山派出所', kind: 'GOVERNMENT_AGENCY', creditPrefix: '11', partyOrgName: '松山派出所党支部', partyMemberCount: 23, contactName: '郑国强', contactPhone: '04708212208', address: '健康街道平安路9号', joinedYearsAgo: 6, agreement: true },
  { name: '惠民燃气服务中心', kind: 'STATE_ENTERPRISE', creditPrefix: '91', partyOrgName: '惠民燃气党支部', partyMemberCount: 14, contactName: '冯丽', contactPhone: '13204701209', address: '健康街道河东路12号', joinedYearsAgo: 2, agreement: true },
  { name: '海拉尔区第三幼儿园', kind: 'PUBLIC_INSTITUTION', creditPrefix: '12', partyOrgName: '第三幼儿园党支部', partyMemberCount: 11, contactName: '陈静', contactPhone: '13104701210', address: '松山小区南门东侧', joinedYearsAgo: 1, agreement: false },
  { name: '乐邻家政服务社', kind: 'PRIVATE_ENTERPRISE', creditPrefix: '92', partyOrgName: '乐邻家政联合党支部', partyMemberCount: 3, contactName: '何秀英', contactPhone: '15004701211', address: '健康街道菜市场北侧', joinedYearsAgo: 1, agreement: false },
  { name: '红石书画社', kind: 'SOCIAL_ORGANIZATION', creditPrefix: null, partyOrgName: '红石书画社党小组', partyMemberCount: 4, contactName: '韩东', contactPhone: '15104701212', address: '松山社区文化活动室', joinedYearsAgo: 0, agreement: false },
];

export const NEIGHBOUR_UNITS: DemoUnit[] = [
  { name: '松林第二中学', kind: 'PUBLIC_INSTITUTION', creditPrefix: '12', partyOrgName: '松林二中党支部', partyMemberCount: 41, contactName: '秦海波', contactPhone: '13804702301', address: '松林路88号', joinedYearsAgo: 3, agreement: true },
  { name: '松林社区卫生站', kind: 'PUBLIC_INSTITUTION', creditPrefix: '12', partyOrgName: '卫生站党小组', partyMemberCount: 5, contactName: '许蕾', contactPhone: '13804702302', address: '松林路12号', joinedYearsAgo: 2, agreement: true },
  { name: '邻里便民超市', kind: 'PRIVATE_ENTERPRISE', creditPrefix: '92', partyOrgName: '便民超市党小组', partyMemberCount: 2, contactName: '曹宇', contactPhone: '13804702303', address: '松林路40号', joinedYearsAgo: 1, agreement: false },
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
