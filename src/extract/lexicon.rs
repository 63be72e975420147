//! General lexicons: surnames, post words, agency body suffixes and abbreviations,
//! company and organisation suffixes, initiative cue nouns and verbs. These are
//! facts of the language and of Chinese administrative usage, never names of
//! particular entities.

/// Common single-character surnames (the few hundred that cover nearly all people).
pub const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由";

/// Compound surnames.
pub const COMPOUND_SURNAMES: [&str; 16] = [
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "澹台",
    "宇文", "长孙", "司徒", "申屠",
];

/// Characters that end or sit around a name in running text but are very rare as
/// the second or third character of a given name followed by a verb: used to decide
/// whether a name is two or three characters long.
pub const AFTER_NAME: &str =
    "说表介告认指坦直称笑在是等对和与也就带一向回透感谈接强希提今时负的了这那已都还又";

/// Post words: a name right after one of these is a person holding that post.
/// Longest first, so `党组书记` wins over `书记`.
pub const POSTS: [&str; 111] = [
    "党工委书记",
    "常务副县长",
    "常务副市长",
    "常务副区长",
    "法定代表人",
    "总经理助理",
    "党支部书记",
    "党组书记",
    "党委书记",
    "纪委书记",
    "监委主任",
    "副总经理",
    "总工程师",
    "财务总监",
    "技术总监",
    "执行董事",
    "项目经理",
    "工作人员",
    "行长助理",
    "客户经理",
    "副理事长",
    "第一书记",
    "主任科员",
    "副检察长",
    "董事长",
    "总经理",
    "负责人",
    "创始人",
    "副主任",
    "副书记",
    "副局长",
    "副厅长",
    "副市长",
    "副县长",
    "副区长",
    "副主席",
    "秘书长",
    "副行长",
    "网格员",
    "联络员",
    "研究员",
    "办事员",
    "副总裁",
    "理事长",
    "副院长",
    "副所长",
    "副会长",
    "副站长",
    "副队长",
    "副组长",
    "副镇长",
    "副乡长",
    "副处长",
    "副科长",
    "副校长",
    "审批员",
    "副总监",
    "副部长",
    "调解员",
    "帮办员",
    "代办员",
    "村支书",
    "监察员",
    "检察官",
    "副庭长",
    "检察长",
    "指导员",
    "总监",
    "经理",
    "主任",
    "书记",
    "局长",
    "厅长",
    "处长",
    "科长",
    "市长",
    "县长",
    "区长",
    "镇长",
    "乡长",
    "主席",
    "院长",
    "所长",
    "会长",
    "行长",
    "站长",
    "队长",
    "组长",
    "专员",
    "委员",
    "常委",
    "教授",
    "助理",
    "店长",
    "主管",
    "专干",
    "科员",
    "厂长",
    "社长",
    "会计",
    "总裁",
    "董事",
    "校长",
    "部长",
    "馆长",
    "法官",
    "庭长",
    "政委",
    "民警",
    "辅警",
    "警长",
];

/// Verbs that introduce what a person said.
pub const SPEECH_VERBS: [&str; 14] = [
    "说",
    "表示",
    "介绍",
    "告诉记者",
    "认为",
    "指出",
    "坦言",
    "直呼",
    "称",
    "感慨",
    "笑着说",
    "谈到",
    "透露",
    "强调",
];

/// Suffixes of government and Party bodies, longest first.
pub const AGENCY_SUFFIXES: [&str; 36] = [
    "纪检监察工委",
    "纪检监察组",
    "纪检监察室",
    "纪委监委",
    "管理委员会",
    "人民检察院",
    "人民法院",
    "人民政府",
    "委员会",
    "管委会",
    "办事处",
    "派出所",
    "纪工委",
    "党工委",
    "党委",
    "纪委",
    "监委",
    "政府",
    "检察院",
    "法院",
    "分局",
    "大队",
    "支队",
    "中心",
    "部门",
    "办公室",
    "监察办",
    "巡察组",
    "巡视组",
    "税务所",
    "司法所",
    "局",
    "厅",
    "委",
    "办",
    "部",
];

/// Cores that make `中心` a government body rather than an organisation.
pub const AGENCY_CENTRE_CORES: [&str; 24] = [
    "营商环境服务",
    "人社服务",
    "社保服务",
    "医保服务",
    "就业服务",
    "综合执法",
    "应急指挥",
    "融媒体",
    "退役军人服务",
    "不动产登记",
    "投资服务",
    "招商服务",
    "政务服务",
    "便民服务",
    "行政服务",
    "公共资源交易",
    "综合治理",
    "社会治理",
    "矛盾纠纷调解",
    "为民服务",
    "党群服务",
    "企业服务",
    "政务",
    "审批",
];

/// Cores allowed before `部` (Party departments) and short `办`/`委` bodies.
pub const PARTY_DEPARTMENTS: [&str; 6] = ["组织", "宣传", "统战", "政法", "武装", "社会工作"];

/// Variant forms of common agency bodies: the first is canonical. The linker treats
/// all forms in a row as the same body.
pub const BODY_VARIANTS: [&[&str]; 31] = [
    &["人社局", "人力资源和社会保障局", "人力社保局"],
    &["市场监管局", "市场监督管理局"],
    &["发改委", "发展和改革委员会", "发展改革委"],
    &["发改局", "发展和改革局", "发展改革局"],
    &["经信局", "经济和信息化局", "经济信息化局"],
    &["住建局", "住房和城乡建设局"],
    &["卫健委", "卫生健康委员会", "卫生健康委", "卫生和健康委员会"],
    &["卫健局", "卫生健康局"],
    &["自然资源和规划局", "自然资源规划局", "资规局"],
    &["交通运输局", "交通局"],
    &["农业农村局", "农业局"],
    &[
        "文旅局",
        "文化和旅游局",
        "文化广电旅游局",
        "文广旅局",
        "文化广电旅游体育局",
    ],
    &["行政审批局", "行政审批服务局", "审批局"],
    &["应急管理局", "应急局"],
    &["医保局", "医疗保障局"],
    &["数据局", "数据资源管理局", "大数据局", "大数据发展管理局"],
    &["地方金融监管局", "地方金融监督管理局", "金融监管局"],
    &["纪委监委", "纪委", "监委", "纪律检查委员会", "监察委员会"],
    &["纪检监察工委", "纪工委"],
    &["政府", "人民政府"],
    &["管委会", "管理委员会"],
    &["法院", "人民法院"],
    &["检察院", "人民检察院"],
    &["商务局", "商务委"],
    &["科技局", "科学技术局"],
    &["生态环境局", "环保局"],
    &["税务局", "税务总局"],
    &["投资促进局", "投促局"],
    &["退役军人事务局", "退役军人局"],
    &["综合行政执法局", "综合执法局"],
    &["统计局", "统计调查局"],
];

/// Company suffixes, longest first.
pub const COMPANY_SUFFIXES: [&str; 15] = [
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "集团公司",
    "分公司",
    "子公司",
    "公司",
    "集团",
    "银行",
    "分行",
    "支行",
    "农商行",
    "合作社",
    "事务所",
    "商行",
];

/// Organisation suffixes, longest first.
pub const ORG_SUFFIXES: [&str; 22] = [
    "研究院",
    "研究所",
    "研究中心",
    "创新中心",
    "技术中心",
    "孵化器",
    "实验室",
    "大学",
    "学院",
    "职业技术学院",
    "中学",
    "小学",
    "医院",
    "协会",
    "商会",
    "联合会",
    "工商联",
    "促进会",
    "基金会",
    "学会",
    "联盟会",
    "俱乐部",
];

/// Nouns after a quoted name that make it an initiative, with the subclass they imply.
pub const INITIATIVE_CUES: [(&str, &str); 63] = [
    ("行动", "Campaign"),
    ("工程", "Campaign"),
    ("活动", "Campaign"),
    ("专项", "Campaign"),
    ("计划", "Campaign"),
    ("攻坚", "Campaign"),
    ("改革", "Campaign"),
    ("试点", "Campaign"),
    ("品牌", "Campaign"),
    ("平台", "Platform"),
    ("应用", "Platform"),
    ("系统", "Platform"),
    ("小程序", "Platform"),
    ("专区", "Platform"),
    ("码", "Platform"),
    ("APP", "Platform"),
    ("App", "Platform"),
    ("数字化", "Platform"),
    ("监测站", "Platform"),
    ("驿站", "ServiceWindow"),
    ("窗口", "ServiceWindow"),
    ("专窗", "ServiceWindow"),
    ("专班", "ServiceWindow"),
    ("直通车", "ServiceWindow"),
    ("服务站", "ServiceWindow"),
    ("服务点", "ServiceWindow"),
    ("服务", "ServiceWindow"),
    ("热线", "ServiceWindow"),
    ("中心", "ServiceWindow"),
    ("套餐", "ServiceWindow"),
    ("贷", "FinancialProduct"),
    ("保", "FinancialProduct"),
    ("卡", "FinancialProduct"),
    ("基金", "FinancialProduct"),
    ("险", "FinancialProduct"),
    ("券", "FinancialProduct"),
    ("机制", "Mechanism"),
    ("模式", "Mechanism"),
    ("联盟", "Mechanism"),
    ("体系", "Mechanism"),
    ("工作法", "Mechanism"),
    ("载体", "Mechanism"),
    ("制度", "Mechanism"),
    ("清单", "PolicyDocument"),
    ("方案", "PolicyDocument"),
    ("政策", "PolicyDocument"),
    ("举措", "PolicyDocument"),
    ("措施", "PolicyDocument"),
    ("办法", "PolicyDocument"),
    ("台账", "Mechanism"),
    ("建设", "Campaign"),
    ("授信", "FinancialProduct"),
    ("担", "FinancialProduct"),
    ("服务官", "Campaign"),
    ("体验官", "Campaign"),
    ("监督员", "Campaign"),
    ("服务队", "ServiceWindow"),
    ("工作室", "ServiceWindow"),
    ("会客厅", "ServiceWindow"),
    ("超市", "ServiceWindow"),
    ("课堂", "Campaign"),
    ("地图", "Platform"),
    ("站", "Platform"),
];

/// Verbs that create or use an initiative named right after them.
pub const INITIATIVE_VERBS: [&str; 34] = [
    "推出", "设立", "打造", "出台", "实施", "开展", "建立", "创设", "上线", "依托", "借助", "通过",
    "推行", "发放", "启动", "制定", "印发", "构建", "开通", "组建", "成立", "搭建", "开设", "推进",
    "深化", "创新", "探索", "升级", "发布", "开发", "运用", "用好", "落实", "试行",
];

/// Strong creation verbs: a quoted name a few modifiers after one of these is an
/// initiative (`开展某某产业“某某”`), and so is an unquoted phrase ending in a
/// programme noun (`组建某某招商专班`).
pub const CREATION_VERBS: [&str; 19] = [
    "推出", "设立", "打造", "出台", "建立", "创设", "上线", "开展", "组建", "搭建", "开设", "推行",
    "发布", "开发", "启动", "配备", "聘请", "选聘", "成立",
];

/// Programme nouns that end an unquoted initiative after a creation verb.
pub const PROGRAMME_NOUNS: [(&str, &str); 12] = [
    ("专班", "ServiceWindow"),
    ("平台", "Platform"),
    ("小程序", "Platform"),
    ("服务队", "ServiceWindow"),
    ("工作室", "ServiceWindow"),
    ("驿站", "ServiceWindow"),
    ("专窗", "ServiceWindow"),
    ("专区", "Platform"),
    ("联盟", "Mechanism"),
    ("台账", "Mechanism"),
    ("热线", "ServiceWindow"),
    ("服务站", "ServiceWindow"),
];

/// Words inside 《》 that mark a policy document (as opposed to a newspaper or book).
pub const DOCUMENT_WORDS: [&str; 22] = [
    "方案", "意见", "办法", "措施", "举措", "规定", "条例", "通知", "计划", "规划", "细则", "政策",
    "清单", "指南", "报告", "决定", "纲要", "若干", "实施", "指引", "标准", "公约",
];

/// Characters that never occur inside an entity name but often right before one:
/// function words, prepositions, common verbs.
pub const STOP_CHARS: &str =
    "的在了是为与及等将已也都就还又并而或于以对把被从让给由其这那该各每全即仍均亦曾";

/// Generic heads that make a mention not a name (相关部门, 有关单位).
pub const GENERIC_PREFIXES: [&str; 8] = [
    "相关", "有关", "各级", "各类", "多个", "多家", "一家", "这家",
];

/// Words that never occur inside an organisation's name but often run into one
/// when a sentence is walked back from a suffix (`企业首次获得银行贷款`, `管委会联合某
/// 大学`): a candidate name starts after the last of them.
pub const INNER_CUTS: [&str; 42] = [
    "获得", "打消", "参加", "共建", "首批", "首次", "今年", "去年", "目前", "已经", "携手", "牵手",
    "依托", "通过", "对接", "走访", "督促", "考察", "落户", "签约", "引进", "来到", "走进", "位于",
    "包括", "其中", "协助", "帮扶", "入驻", "推荐", "旗下", "作为", "记者", "完成", "推出", "设立",
    "联合", "邀请", "组织", "牵头", "有家", "该家",
];

/// Cores that leave a suffix generic rather than named (`合作银行`, `行业协会`,
/// `龙头企业`): a candidate whose whole core is one of these is not a name.
pub const GENERIC_CORES: [&str; 40] = [
    "合作", "商业", "国有", "股份制", "城市商业", "农村商业", "村镇", "行业", "本地", "当地",
    "地方", "重点", "龙头", "民营", "中小", "小微", "外资", "上市", "规上", "科技型", "骨干",
    "试点", "各", "全市", "全县", "全区", "全省", "企业", "大型", "国内", "省内", "市内", "县内",
    "区内", "高校", "科研", "金融", "新", "老", "子",
];

/// Abbreviations of banks that stand before a place in a branch's name
/// (`农行某市分行`): the place does not start a new name there.
pub const BANK_PREFIXES: [&str; 16] = [
    "人民银行", "人行", "农行", "工行", "建行", "中行", "交行", "邮储", "邮储银行", "农发行",
    "国开行", "进出口银行", "招行", "兴业银行", "浦发银行", "农商行",
];

/// Suffixes of a branch, which joins the bank named right before it.
pub const BRANCH_SUFFIXES: [&str; 5] = ["分行", "支行", "分公司", "营业部", "分理处"];

/// Industry and product words that follow a brand in a project's or plant's name
/// (`某某新能源汽车零部件工厂`): they mark where the brand ends.
pub const INDUSTRY_WORDS: [&str; 85] = [
    "新能源", "汽车", "零部件", "马达", "电机", "驱动", "装备", "智能", "电子", "科技", "新材料",
    "材料", "氢能", "光伏", "储能", "电池", "锂电", "锂电池", "半导体", "芯片", "集成电路", "生物",
    "医药", "制药", "医疗", "器械", "食品", "饮品", "饮料", "乳业", "纺织", "服装", "化工", "化学",
    "机械", "制造", "精密", "光电", "光学", "通信", "信息", "数据", "算力", "物流", "冷链", "钢铁",
    "铝业", "铜业", "家居", "家具", "建材", "环保", "能源", "动力", "重工", "轴承", "模具", "显示",
    "面板", "整车", "电动", "风电", "航空", "船舶", "机器人", "传感器", "终端", "软件", "研发",
    "总部", "生产", "旗舰", "超级", "智慧", "数字", "陶瓷", "玻璃", "塑料", "橡胶", "纸业", "酒业",
    "茶业", "农业", "牧业", "渔业",
];

/// Words that start a phrase before 项目/工厂 that is no brand (`重点项目`).
pub const NOT_BRAND: [&str; 36] = [
    "重点", "重大", "合作", "产业", "招商", "在建", "新建", "续建", "签约", "首批", "省级", "市级",
    "县级", "示范", "龙头", "亿元", "标志性", "一批", "多个", "各类", "优质", "传统", "大型", "全市",
    "全县", "全区", "全省", "这个", "该", "这", "本", "新", "好", "大", "技改", "建设",
];

pub fn is_surname_start(chars: &[char], i: usize) -> usize {
    if i + 1 < chars.len() {
        let two: String = chars[i..i + 2].iter().collect();
        if COMPOUND_SURNAMES.contains(&two.as_str()) {
            return 2;
        }
    }
    if i < chars.len() && SURNAMES.contains(chars[i]) {
        return 1;
    }
    0
}
