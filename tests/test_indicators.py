"""Indicator extraction: the number grammar, units, qualifiers, exclusions, flags, spans.

Every sentence here is written for these tests in the genre of township and
county reports; none is copied from a real report.
"""
from __future__ import annotations

import math

import pandas as pd
import pytest

from govtext.indicators import INDICATOR_COLUMNS, extract_indicators


def R(text, value, unit, q="", vmax=None, target=None, change=None, kind=None, subject=None):
    """One expected row: span text, value, unit, qualifier and optional flags."""
    return dict(text=text, value=value, unit=unit, q=q, vmax=vmax, target=target, change=change, kind=kind,
                subject=subject)


# (id, input text, expected rows in order). An empty list means: nothing is an indicator.
CASES = [
    # --- Arabic numbers, decimals, separators, widths ---------------------------------
    ("arabic", "全年化解矛盾纠纷18件。", [R("18件", 18, "件", kind="count", subject="化解矛盾纠纷")]),
    ("decimal", "发放宣传册6.5万份。", [R("6.5万份", 65000, "份")]),
    ("thousands", "一般公共预算收入1,132.92亿元。", [R("1,132.92亿元", 113292000000, "元", kind="money")]),
    ("fullwidth digits", "新建公园１２个。", [R("１２个", 12, "个")]),
    ("fullwidth decimal", "增长８．５％。", [R("８．５％", 8.5, "%", change="up")]),
    ("fullwidth percent", "覆盖率达95％。", [R("95％", 95, "%", kind="percent")]),
    ("space before number", "死亡人数下降 9.66%。", [R("9.66%", 9.66, "%", change="down")]),
    ("space before unit", "森林覆盖率31.4 %。", [R("31.4 %", 31.4, "%")]),
    ("big magnitude", "地区生产总值198.5亿元。", [R("198.5亿元", 19850000000, "元", subject="地区生产总值")]),
    ("wan yi", "财政收入达2.3万亿元。", [R("2.3万亿元", 2.3e12, "元")]),
    ("wan households", "入户宣传5.2万户。", [R("5.2万户", 52000, "户", subject="入户宣传")]),
    ("wan mu", "新增高标准农田12万亩。", [R("12万亩", 120000, "亩", kind="area")]),
    ("qianwa unit", "新增装机3万千瓦。", [R("3万千瓦", 30000, "千瓦", kind="power")]),
    ("qianmi unit", "新修道路12千米。", [R("12千米", 12, "公里", kind="length")]),
    ("qianke unit", "回收农药包装物800千克。", [R("800千克", 800, "千克", kind="weight")]),
    ("arabic qian", "培训农民3千人。", [R("3千人", 3000, "人")]),
    ("mixed wan qian", "绿道总长2万5千公里。", [R("2万5千公里", 25000, "公里")]),
    ("mixed yi qian duo wan", "受益群众1亿3千多万人。", [R("1亿3千多万人", 130000000, "人", q="多")]),
    ("yuan per person", "人均收入达5.8万元/人左右。", [R("5.8万元/人左右", 58000, "元/人", q="左右")]),
    ("per month", "低保标准提高到801元/月、7226元/年。", [R("801元/月", 801, "元/月"), R("7226元/年", 7226, "元/年")]),
    ("per-denominator", "细颗粒物浓度28.5微克/立方米。", [R("28.5微克/立方米", 28.5, "微克/立方米")]),
    ("mei denominator", "浓度降至30微克每立方米。", [R("30微克每立方米", 30, "微克/立方米")]),
    ("kilowatt hour", "全年发电量12亿千瓦时。", [R("12亿千瓦时", 1.2e9, "千瓦时", kind="energy")]),
    ("square metre symbol", "改造老旧厂房3.5万㎡。", [R("3.5万㎡", 35000, "平方米", kind="area")]),
    ("pingmi", "建成口袋公园8000平米。", [R("8000平米", 8000, "平方米")]),
    ("km symbol", "新建管网26㎞。", [R("26㎞", 26, "公里")]),
    ("age", "人均预期寿命达到81.2岁。", [R("81.2岁", 81.2, "岁", kind="age")]),
    ("hours", "审批时限压缩至3个工作日。", [R("3个工作日", 3, "个工作日", kind="duration")]),
    # --- compound measure words ------------------------------------------------------
    ("renci", "接待游客120万人次。", [R("120万人次", 1200000, "人次")]),
    ("changci", "开展送法进村活动46场次。", [R("46场次", 46, "场次")]),
    ("jianci", "处理投诉件320件次。", [R("320件次", 320, "件次")]),
    ("jiaci", "检查企业85家次。", [R("85家次", 85, "家次")]),
    ("pici", "抽检食品1200批次。", [R("1200批次", 1200, "批次")]),
    ("wanren", "带动就业3.2万人。", [R("3.2万人", 32000, "人")]),
    # --- Chinese numerals ------------------------------------------------------------
    ("liangqian yu", "培训网格员两千余人。", [R("两千余人", 2000, "人", q="余")]),
    ("yibai ershi", "建成农家书屋一百二十个。", [R("一百二十个", 120, "个")]),
    ("shi er wan", "惠及群众十二万人。", [R("十二万人", 120000, "人")]),
    ("sanqian wubai", "新栽苗木三千五百株。", [R("三千五百株", 3500, "株")]),
    ("mixed qian duo", "新设企业3千多户。", [R("3千多户", 3000, "户", q="多")]),
    ("ling placeholder", "新建学校一百零五所，修缮三万零六百平方米。", [R("一百零五所", 105, "所"), R("三万零六百平方米", 30600, "平方米")]),
    ("chinese decimal", "产值增长一点九倍，提高三点五个百分点。",
     [R("一点九倍", 1.9, "倍", change="up"), R("三点五个百分点", 3.5, "个百分点", change="up")]),
    ("vague tens", "修建水坝几十座，组织数百人。", []),
    ("ton km", "货物周转量八百零五万吨公里。", [R("八百零五万吨公里", 8050000, "吨公里")]),
    ("chinese small count", "今年办成两件实事，新设三所学校。", [R("两件", 2, "件"), R("三所", 3, "所")]),
    ("chinese wan yu", "培训十余万人次。", [R("十余万人次", 100000, "人次", q="余")]),
    # --- percent forms ----------------------------------------------------------------
    ("baifenzhi", "优良天数比例达到百分之五十。", [R("百分之五十", 50, "%", kind="percent")]),
    ("baifenzhi decimal", "物价上涨百分之三点五。", [R("百分之三点五", 3.5, "%", change="up")]),
    ("percentage points", "城镇化率提高1.2个百分点。", [R("1.2个百分点", 1.2, "个百分点", kind="percent_point", change="up")]),
    ("multiple", "外贸出口增长2.5倍。", [R("2.5倍", 2.5, "倍", kind="multiple", change="up")]),
    ("fan yi fan", "科技投入翻一番。", [R("翻一番", 2, "倍", change="up")]),
    ("fan liang fan", "农民收入翻两番。", [R("翻两番", 4, "倍")]),
    ("cheng", "农产品三成销往省外，九成以上村通公交。", [R("三成", 30, "%"), R("九成以上", 90, "%", q="以上")]),
    ("cheng word", "村里建成了新的广场。", []),
    ("fraction", "审批时间缩短三分之一。", [R("三分之一", 100 / 3, "%", change="down")]),
    ("fraction approx", "耕地有三分之二以上完成流转。", [R("三分之二以上", 200 / 3, "%", q="以上")]),
    # --- ranges -----------------------------------------------------------------------
    ("range percent dash", "增速保持在5%—6%。", [R("5%—6%", 5, "%", vmax=6)]),
    ("range percent hyphen", "增长5.5%-6%。", [R("5.5%-6%", 5.5, "%", vmax=6, change="up")]),
    ("range zhi", "每村配备3至5个网格员。", [R("3至5个", 3, "个", vmax=5)]),
    ("range wan", "每户补助5-8万元。", [R("5-8万元", 50000, "元", vmax=80000)]),
    ("range chinese", "每年组织两到三次演练。", [R("两到三次", 2, "次", vmax=3)]),
    # --- qualifiers -------------------------------------------------------------------
    ("yu", "发放图书60000余册。", [R("60000余册", 60000, "册", q="余")]),
    ("duo", "整治河道300多公里。", [R("300多公里", 300, "公里", q="多")]),
    ("jin", "投资近15亿元。", [R("近15亿元", 1.5e9, "元", q="近")]),
    ("yue", "减量约50平方公里。", [R("约50平方公里", 50, "平方公里", q="约")]),
    ("zuoyou", "增长5%左右。", [R("5%左右", 5, "%", q="左右", change="up")]),
    ("shangxia", "粮食产量稳定在30万吨上下。", [R("30万吨上下", 300000, "吨", q="上下")]),
    ("yishang", "完成造林6000亩以上。", [R("6000亩以上", 6000, "亩", q="以上")]),
    ("chao", "抽检合格率超98.5%。", [R("超98.5%", 98.5, "%", q="超")]),
    ("chaoguo", "入驻企业超过1600家。", [R("超过1600家", 1600, "家", q="超过")]),
    ("tupo", "旅游收入突破40亿元。", [R("突破40亿元", 4e9, "元", q="突破")]),
    ("yu2", "受理案件逾千件，调解成功逾900件。", [R("逾千件", 1000, "件", q="逾"), R("逾900件", 900, "件", q="逾")]),
    ("budao", "办理时间不到2小时。", [R("不到2小时", 2, "小时", q="不到")]),
    ("buzu", "闲置率不足5%。", [R("不足5%", 5, "%", q="不足")]),
    ("yinei", "失业率控制在4.5%以内。", [R("4.5%以内", 4.5, "%", q="以内")]),
    ("yu before wan", "拨付资金456余万元。", [R("456余万元", 4560000, "元", q="余")]),
    ("duo before wan", "改造住房2600多万套。", [R("2600多万套", 26000000, "套", q="多")]),
    ("wan then yu", "栽植大树10万余株。", [R("10万余株", 100000, "株", q="余")]),
    ("count then zuoyou", "实施项目300个左右。", [R("300个左右", 300, "个", q="左右")]),
    ("list with one qualifier", "处理率分别达到95%、85%、80%以上。",
     [R("95%", 95, "%", subject="处理率"), R("85%", 85, "%", subject="处理率"), R("80%以上", 80, "%", q="以上", subject="处理率")]),
    ("qianyue is no qualifier", "现场签约6个项目。", [R("6个", 6, "个")]),
    ("zuijin is no qualifier", "最近3个月新增企业12家。", [R("3个月", 3, "个月"), R("12家", 12, "家")]),
    ("zhibanzhuanye", "组建5支半专业化队伍。", [R("5支", 5, "支")]),
    ("enumerated shared unit", "城乡比例分别提高15、22个百分点。",
     [R("15", 15, "个百分点", change="up"), R("22个百分点", 22, "个百分点", change="up")]),
    ("enumerated shared magnitude", "补助标准分别为3、5万元。", [R("3", 30000, "元"), R("5万元", 50000, "元")]),
    ("space before magnitude", "完成植树造林5.83 万亩。", [R("5.83 万亩", 58300, "亩")]),
    ("yi du", "外送电量345亿度。", [R("345亿度", 3.45e10, "度")]),
    ("yi fang", "天然气产量10亿方以上。", [R("10亿方以上", 1e9, "立方米", q="以上")]),
    ("du and fang need magnitude", "室温保持26度，签订三方协议。", []),
    ("trains and pairs", "班列开行924列，缔结友城18对，开展1对1帮扶。", [R("924列", 924, "列"), R("18对", 18, "对")]),
    ("arabic fraction", "产量占全国1/3以上。", [R("1/3以上", 100 / 3, "%", q="以上")]),
    ("ordinal list", "连续两年获评第1、2名。", []),
    ("unit starts a word", "双11期间网购活跃，5处理站建成。", []),
    ("zhang jia", "新建家庭养老床位7701张。建成7701张家庭养老床位。", [R("7701张", 7701, "张"), R("7701张", 7701, "张")]),
    ("duo opens a word", "打造3个多功能服务中心和2个上下联动平台。", [R("3个", 3, "个"), R("2个", 2, "个")]),
    ("duration you yu", "建设用时3年有余。", [R("3年有余", 3, "年", q="有余", kind="duration")]),
    ("underscore code", "PM_2.5年均浓度持续下降。", []),
    # --- exclusions: years, dates, times, periods -----------------------------------
    ("year", "2023年是关键之年。", []),
    ("year range", "2021—2025年规划顺利完成。", []),
    ("chinese year", "二〇二三年工作回顾。", []),
    ("date", "3月13日召开全体会议。", []),
    ("time", "会议于16:19结束。", []),
    ("time fen", "发布时间：10时33分。", []),
    ("half year", "上半年工作扎实推进。", []),
    ("quarter", "第四季度完成验收。", []),
    ("shisiwu", "十四五规划顺利收官。", []),
    ("ershida", "深入学习二十大精神。", []),
    ("shisijie", "十四届人大二次会议召开。", []),
    ("decade", "二十世纪90年代以来。", []),
    ("anniversary", "迎来建区40周年。", []),
    # --- exclusions: ordinals, markers, list numbers --------------------------------
    ("ordinal", "位居全省第3位，第一批试点。", []),
    ("yishi", "一是加强领导，二是完善制度。", []),
    ("bracket marker", "（三）推进依法行政。", []),
    ("list number", "1.推进依法决策。2.规范执法行为。", []),
    # --- exclusions: numbered names, slogans ------------------------------------------
    ("sanxiang zhidu", "全面落实行政执法三项制度。", []),
    ("sige yishi", "增强四个意识，做到两个维护。", []),
    ("one plus three", "构建1+3+N工作体系和“7+1”机制。", []),
    ("hotline", "畅通12345热线。", []),
    ("quoted slogan", "牢记“二十字要诀”，推进“三整合三到位”。", []),
    ("one village", "实现一村居一法律顾问。", []),
    ("qianwan gongcheng", "深化千万工程，争创百强县，引进世界500强企业。", []),
    ("codes", "建成5G基站和5G-A网络，C919首飞，PM2.5浓度下降。", []),
    ("4A with count", "新增4A级景区3个。", [R("3个", 3, "个")]),
    ("name after unit", "68海里景区获评国家级旅游度假区。", []),
    ("quoted count", "实施“十个一”工程，推进“3个100”行动。", []),
    ("eight rules", "严格落实中央八项规定精神。", []),
    ("political set phrases", "坚持两条腿走路的方针，发挥中央和地方两个积极性，认清两个阶级、两条道路、两条路线的斗争。", []),
    ("roads still counted", "新建三条道路，开通两条公交路线。", [R("三条", 3, "条"), R("两条", 2, "条")]),
    ("named propositions", "坚持省委提出的六项主张，围绕三件大事谋发展。", []),
    ("count of reforms stays", "完成五项改革任务，办好八件民生实事。", [R("五项", 5, "项"), R("八件", 8, "件")]),
    ("phase", "污水处理厂二期投入使用。", []),
    # --- exclusions: thresholds naming a category ------------------------------------
    ("age threshold", "为60岁以上老人免费体检。", []),
    ("money threshold", "清理10万元以下小额欠款。", []),
    ("threshold de", "引进投资超5亿元的项目。", []),
    ("threshold then count", "其中10亿元以上项目15个。", [R("15个", 15, "个")]),
    ("age group", "为0—6岁儿童免费筛查，年满18岁的青年参加培训。", []),
    ("age measure kept", "人均预期寿命从80.2岁提升至82岁。", [R("80.2岁", 80.2, "岁"), R("82岁", 82, "岁")]),
    ("bu di yu", "民间投资比重不低于80%。", [R("不低于80%", 80, "%", q="不低于")]),
    ("count with yishang is kept", "引进5万名以上大学生。", [R("5万名以上", 50000, "名", q="以上")]),
    # --- exclusions: documents, phones, versions -------------------------------------
    ("document number", "印发〔2023〕5号文件。", []),
    ("article", "依据第十二条规定。", []),
    ("phone", "咨询电话0513-88123456。", []),
    ("version", "推出改革2.0版。", []),
    # --- change and target ------------------------------------------------------------
    ("change down", "公务接待费减少26%。", [R("26%", 26, "%", change="down")]),
    ("level not change", "比重从11.4%提高到15%左右。",
     [R("11.4%", 11.4, "%", change="-"), R("15%左右", 15, "%", q="左右", change="-")]),
    ("target cue", "力争新开工项目122个。", [R("122个", 122, "个", target=True)]),
    ("target plan", "全年计划实施重点项目300个左右。", [R("300个左右", 300, "个", q="左右", target=True)]),
    ("target expected", "年度预期任务为9.5亿元，实际完成9.8亿元。",
     [R("9.5亿元", 9.5e8, "元", target=True), R("9.8亿元", 9.8e8, "元", target=False)]),
    ("outcome", "去年化解信访积案27件。", [R("27件", 27, "件", target=False)]),
    ("quoted plan name is no goal", "8个专业群入选“双高计划”。", [R("8个", 8, "个", target=False)]),
    # --- compound measure words stay whole (X次 for every count unit) -------------------
    ("taijian", "年内检修电梯等设备420台件。", [R("420台件", 420, "台件", kind="count")]),
    ("lunci", "组织专项巡查4轮次。", [R("4轮次", 4, "轮次")]),
    ("zongci", "审核用地报批材料128宗次。", [R("128宗次", 128, "宗次")]),
    ("liangci", "疏导过境车辆56万辆次。", [R("56万辆次", 560000, "辆次")]),
    ("generated jiaci", "抽检农贸市场37家次、商超12户次。", [R("37家次", 37, "家次"), R("12户次", 12, "户次")]),
    ("generated compound", "处置各类警情215起次。", [R("215起次", 215, "起次")]),
    ("dunggongli", "完成货物周转量3260亿吨公里。", [R("3260亿吨公里", 3.26e11, "吨公里")]),
    ("ci starts a word", "新修主干道3条、次干道2条，改造5条次干道路。",
     [R("3条", 3, "条"), R("2条", 2, "条"), R("5条", 5, "条")]),
    ("listed renci kept before a word", "约谈12人次干部。", [R("12人次", 12, "人次")]),
    ("permille point", "人口自然增长率下降1.2个千分点。", [R("1.2个千分点", 1.2, "个千分点", change="down")]),
    ("toutzhi compound", "全镇牛羊年末存栏8.6万头只，出栏3200头。",
     [R("8.6万头只", 86000, "头只", kind="count"), R("3200头", 3200, "头")]),
    ("bracketed second unit read as the first", "筹集保障性租赁住房1200套（间），存栏生猪2.1万头（只）。",
     [R("1200套", 1200, "套"), R("2.1万头", 21000, "头")]),
    ("muci compound", "开展农机深松作业12万亩次。", [R("12万亩次", 120000, "亩次")]),
    ("tangci generated", "走访帮扶企业46趟次。", [R("46趟次", 46, "趟次")]),
    # --- measure words and Latin units ------------------------------------------------
    ("lie", "全年开行货运班列超1500列。", [R("超1500列", 1500, "列", q="超")]),
    ("lu", "在渡口增设8路视频监控。", [R("8路", 8, "路")]),
    ("road name", "完成建设三路、滨江路改造。", []),
    ("TB", "政务云存储扩容至320TB。", [R("320TB", 320, "TB", kind="data")]),
    ("MW", "分布式光伏装机达到45MW，储能电站10MWh。",
     [R("45MW", 45, "兆瓦", kind="power"), R("10MWh", 10, "兆瓦时", kind="energy")]),
    ("kW", "新建充电桩总功率1200kW。", [R("1200kW", 1200, "千瓦")]),
    ("compute", "新增智能算力1.2万P，总算力达到3 EFLOPS，推广3P模式。",
     [R("1.2万P", 12000, "P", kind="compute"), R("3 EFLOPS", 3, "EFLOPS")]),
    ("horsepower and boiler tons", "更新渔船主机4600马力，改造燃煤锅炉85蒸吨。",
     [R("4600马力", 4600, "马力", kind="power"), R("85蒸吨", 85, "蒸吨")]),
    ("old metric words", "建成一千五百立方公尺的高炉，轧钢机一千一百五十公厘，新修公路三百公尺。",
     [R("一千五百立方公尺", 1500, "立方米"), R("一千一百五十公厘", 1150, "毫米"), R("三百公尺", 300, "米")]),
    ("jiating is no measure word", "惠及近十万家庭。", []),
    ("li and ke", "投放鱼苗种苗80万粒，新增在轨卫星12颗，颗粒物浓度下降。",
     [R("80万粒", 800000, "粒"), R("12颗", 12, "颗")]),
    ("mian signs", "在沿海步道新设安全提示牌360面，四面八方的游客都能看到。", [R("360面", 360, "面")]),
    ("zu and hui", "完成3组企业重组，建成2回220千伏线路，组织力量增援，2026回望过去。",
     [R("3组", 3, "组"), R("2回", 2, "回"), R("220千伏", 220, "千伏")]),
    ("old statistical units", "新增轮船十二万载重吨，完成土方3600万公方，平板玻璃210万重量箱，拖拉机540标准台。",
     [R("十二万载重吨", 120000, "载重吨"), R("3600万公方", 3.6e7, "立方米", kind="volume"),
      R("210万重量箱", 2100000, "重量箱"), R("540标准台", 540, "标准台")]),
    ("cloth and cases", "棉布增产三百万匹，卷烟增加四万箱。", [R("三百万匹", 3e6, "匹"), R("四万箱", 40000, "箱")]),
    ("gigawatt hours", "储能电站规模达到2.4吉瓦时，电池产能20GWh。",
     [R("2.4吉瓦时", 2.4, "吉瓦时", kind="energy"), R("20GWh", 20, "吉瓦时", kind="energy")]),
    ("pingfang colloquial", "完成网箱改造3万余平方，新建厂房1.2万平方米、园区2平方公里。",
     [R("3万余平方", 30000, "平方米", q="余", kind="area"), R("1.2万平方米", 12000, "平方米"),
      R("2平方公里", 2, "平方公里")]),
    ("pingfang no unit", "计算面积的平方根，坚持用和平方式解决纠纷。", []),
    ("ge yi colloquial", "争取上级补助资金3个亿，撬动社会投资1.5个亿。",
     [R("3个亿", 3e8, "元", kind="money"), R("1.5个亿", 1.5e8, "元")]),
    ("ge yi range", "每年投入1-2个亿用于农村道路。", [R("1-2个亿", 1e8, "元", vmax=2e8)]),
    ("ge yiyuan counts projects", "新开工16个亿元项目，培育4个亿级产业集群。",
     [R("16个", 16, "个"), R("4个", 4, "个")]),
    ("ge wanyi counts thresholds", "地区生产总值连跨两个万亿元台阶。", [R("两个", 2, "个")]),
    ("du as written", "全年发电量突破12亿度。", [R("突破12亿度", 1.2e9, "度", q="突破", kind="energy")]),
    # --- a magnitude with no digit, next to a qualifier -------------------------------
    ("jin bai", "妥善化解信访积案近百件。", [R("近百件", 100, "件", q="近")]),
    ("chao qian", "服务辖区企业超千家。", [R("超千家", 1000, "家", q="超")]),
    ("tupo wanyi", "全县存款余额突破百亿元。", [R("突破百亿元", 1e10, "元", q="突破")]),
    ("qianyi yishang", "社会消费品零售总额保持在千亿元以上。", [R("千亿元以上", 1e11, "元", q="以上")]),
    ("po", "网络零售额破百亿元，打破3项纪录。", [R("破百亿元", 1e10, "元", q="破"), R("3项", 3, "项")]),
    ("ling continues", "历时一年零三个月。", []),
    ("shang qian", "带动上千家小微企业转型，吸引上万人次参观。",
     [R("上千家", 1000, "家", q="上"), R("上万人次", 10000, "人次", q="上")]),
    ("shang only before a bare magnitude", "迈上3个新台阶，线上千家店铺。", [R("3个", 3, "个")]),
    ("qualifier across a noun phrase", "外来务工人员子女约占全镇在校生的三分之一。",
     [R("约占全镇在校生的三分之一", 100 / 3, "%", q="约占")]),
    ("one qualifier governs a list", "存贷款余额分别突破3600亿元、2900亿元，新增就业5200人。",
     [R("突破3600亿元", 3.6e11, "元", q="突破"), R("2900亿元", 2.9e11, "元", q="突破"), R("5200人", 5200, "人")]),
    ("verb qualifier governs a coordinated pair", "税收、非税收入分别突破60亿元和12亿元，入驻企业超过300家与200家。",
     [R("突破60亿元", 6e9, "元", q="突破"), R("12亿元", 1.2e9, "元", q="突破"),
      R("超过300家", 300, "家", q="超过"), R("200家", 200, "家", q="超过")]),
    ("one-character prefix keeps to its number", "城乡供水达标率分别超96.5%和97%。",
     [R("超96.5%", 96.5, "%", q="超"), R("97%", 97, "%")]),
    ("suffix qualifier keeps to the last number", "覆盖率分别突破60%、75%以上。",
     [R("突破60%", 60, "%", q="突破"), R("75%以上", 75, "%", q="以上")]),
    ("list qualifier needs the same unit", "普及率超过98%、新建12个。", [R("超过98%", 98, "%", q="超过"), R("12个", 12, "个")]),
    ("per base", "每10万人口刑事案件数下降，每50公斤提价3元。", [R("3元", 3, "元")]),
    ("hotline before tai", "依托12345台胞服务专线，组织参加2025台北旅展，举办3人制篮球赛和青年50人论坛。", []),
    ("year before xiangmu", "开展“2025项目建设攻坚年”活动，完成5项目标任务。", [R("5项", 5, "项")]),
    ("comparison verb is no qualifier", "实际造价超过核定标准的12%。", [R("12%", 12, "%")]),
    ("bare magnitude alone", "惠及老百姓，深化千万工程，创建百亿级园区。", []),
    ("bare threshold", "新招引超亿元项目12个。", [R("12个", 12, "个")]),
    ("digit threshold noun", "签约超5亿元项目4个。", [R("4个", 4, "个")]),
    # --- numbered names, ordinals, orders ---------------------------------------------
    ("numbered principle", "始终坚持四项基本原则。", []),
    ("ordinal list sharing di", "配合完成第一、二轮生态督察反馈问题整改。", []),
    ("order not count", "推广油气三次回收技术，推动三次产业融合，改造二次供水设施。", []),
    ("chinese count of times kept", "全年开展三次集中培训。", [R("三次", 3, "次")]),
    # --- traditional script (1950s reports) ------------------------------------------
    ("traditional", "全縣受災農田約一億二千餘萬畝，棉紗產量等於上年的二點六倍，建成工廠三十五個。",
     [R("約一億二千餘萬畝", 120000000, "亩", q="约余"), R("二點六倍", 2.6, "倍"), R("三十五個", 35, "个")]),
    # --- goal words inside an outcome's noun phrase -----------------------------------
    ("plan inside noun phrase", "列入省重点的46个计划新开工项目全部开工。",
     [R("46个", 46, "个", target=False)]),
    ("share of total task", "完成植树造林2130亩，占总任务2100亩的101.4%。",
     [R("2130亩", 2130, "亩", target=False), R("2100亩", 2100, "亩", target=False),
      R("101.4%", 101.4, "%", target=False)]),
    ("goal completion rate", "全年招商引资目标完成率为108.6%。", [R("108.6%", 108.6, "%", target=False)]),
    ("selected into a programme", "3所学校入选省级高水平专业群建设计划。", [R("3所", 3, "所", target=False)]),
    ("prospective yield is a goal", "复垦项目竣工后可新增耕地约320亩。", [R("约320亩", 320, "亩", q="约", target=True)]),
    ("plan still a goal", "计划新建农村公路56公里。", [R("56公里", 56, "公里", target=True)]),
    ("comparison inside an aim", "今年县级财政拟安排教育经费3.6亿元，比上年增加2000万元。",
     [R("3.6亿元", 3.6e8, "元", target=True), R("2000万元", 2e7, "元", target=True, change="up")]),
    ("comparison in an outcome", "全县财政收入8.2亿元，比上年增长6.1%。",
     [R("8.2亿元", 8.2e8, "元", target=False), R("6.1%", 6.1, "%", target=False)]),
    ("beyond the plan is an outcome", "新增就业岗位2300个，超年度计划15%。",
     [R("2300个", 2300, "个", target=False), R("15%", 15, "%", target=False)]),
    ("plan value named", "粮食产量增长4.2%，超过计划增长3%的要求。",
     [R("4.2%", 4.2, "%"), R("3%", 3, "%", target=True)]),
    ("plan value before de", "完成投资12亿元，超过原定计划10亿元的20%。",
     [R("12亿元", 1.2e9, "元"), R("10亿元", 1e9, "元", target=True), R("20%", 20, "%")]),
    ("programme name with 计划", "新获批省级科技计划项目6个。", [R("6个", 6, "个", target=False)]),
    ("kinds of indicators", "2项预期性指标未能完成。", [R("2项", 2, "项", target=False)]),
    ("same subject after a comma-less pair", "科技投入720亿元、增长5.6%。",
     [R("720亿元", 7.2e10, "元", subject="科技投入"), R("5.6%", 5.6, "%", subject="科技投入", change="up")]),
    # --- subjects whose first word starts with a numeral character ---------------------
    ("subject 一般", "一般公共预算收入增长5%。", [R("5%", 5, "%", subject="一般公共预算收入", change="up")]),
    ("subject 一体化", "一体化政务服务事项办结1.2万件。", [R("1.2万件", 12000, "件", subject="一体化政务服务事项办结")]),
    ("subject 一次性", "一次性创业补贴发放86万元。", [R("86万元", 860000, "元", subject="一次性创业补贴发放")]),
    ("subject 十大", "十大民生工程完成投资4.3亿元。", [R("4.3亿元", 4.3e8, "元", subject="十大民生工程完成投资")]),
    ("subject 万元户", "万元户达到320户。", [R("320户", 320, "户", subject="万元户")]),
    ("subject 百姓", "百姓满意度达到96.5%。", [R("96.5%", 96.5, "%", subject="百姓满意度")]),
    ("subject 千万工程", "千万工程示范村新增14个。", [R("14个", 14, "个", subject="千万工程示范村")]),
    ("subject 一般 after a list marker", "三、一般债务余额下降3%。",
     [R("3%", 3, "%", subject="一般债务余额", change="down")]),
    ("subject 一般 after a bracket marker", "（二）一般公共预算支出58亿元。",
     [R("58亿元", 5.8e9, "元", subject="一般公共预算支出")]),
    ("subject 一般 after 一是", "一是一般性转移支付增加2.1亿元。",
     [R("2.1亿元", 2.1e8, "元", subject="一般性转移支付", change="up")]),
    ("quoted numeral name still dropped", "“十四五”期间新增就业1.6万人。",
     [R("1.6万人", 16000, "人", subject="期间新增就业")]),
    ("span of years opening a subject", "五年新增城镇就业4.6万人。",
     [R("4.6万人", 46000, "人", subject="新增城镇就业")]),
    ("span of years with 内", "三年内累计改造老旧小区126个。",
     [R("126个", 126, "个", subject="改造老旧小区")]),
    ("years naming a programme stay", "三年行动计划完成投资30亿元。",
     [R("30亿元", 3e9, "元", subject="三年行动计划完成投资")]),
    ("years naming a school system stay", "五年制高职招生1200人。", [R("1200人", 1200, "人", subject="五年制高职招生")]),
]


@pytest.mark.parametrize("name,text,expected", CASES, ids=[c[0] for c in CASES])
def test_forms(name, text, expected):
    df = extract_indicators(text)
    got = df.to_dict("records")
    assert [g["text"] for g in got] == [e["text"] for e in expected], name
    for g, e in zip(got, expected):
        assert text[g["start"]:g["end"]] == g["text"]
        assert g["value"] == pytest.approx(e["value"], rel=1e-9)
        assert g["unit"] == e["unit"]
        assert g["qualifier"] == e["q"]
        assert g["approx"] is bool(e["q"])
        if e["vmax"] is None:
            assert math.isnan(g["value_max"])
        else:
            assert g["value_max"] == pytest.approx(e["vmax"])
        for key in ("target", "change", "kind", "subject"):
            if e[key] == "-":       # must be empty
                assert g[key] is None, (key, g)
            elif e[key] is not None:
                assert g[key] == e[key], (key, g)


def test_enough_forms():
    assert len(CASES) >= 80


def test_columns_and_empty():
    df = extract_indicators("")
    assert list(df.columns) == INDICATOR_COLUMNS and len(df) == 0
    df = extract_indicators("没有任何数字的句子。", pd.DataFrame(), {})
    assert list(df.columns) == INDICATOR_COLUMNS and len(df) == 0


def test_sentence_and_section_columns():
    text = "一、工作回顾\n全年化解纠纷18件。新建公园3个。\n二、工作计划\n新建公园5个。"
    sections = pd.DataFrame({
        "level": [1, 1], "marker": ["一、", "二、"], "title": ["工作回顾", "工作计划"],
        "role": ["achievements", "plans"], "start": [0, text.index("二、")], "end": [text.index("二、"), len(text)],
        "parent": [None, None], "path": ["1", "2"],
    })
    df = extract_indicators(text, sections, {})
    assert df["text"].tolist() == ["18件", "3个", "5个"]
    assert df["section"].tolist() == [0, 0, 1]
    assert df["sentence"].tolist() == ["全年化解纠纷18件。", "新建公园3个。", "新建公园5个。"]
    assert df["target"].tolist() == [False, False, True]


def test_innermost_section_after_many_subsections():
    parts = ["一、工作成效\n"] + [f"（{i}）事项{i}。\n" for i in range(100)] + ["全年新建公园3个。"]
    text = "".join(parts)
    rows = [dict(level=1, role="achievements", start=0, end=len(text), parent=-1)]
    pos = len(parts[0])
    for p in parts[1:-1]:
        rows.append(dict(level=2, role=None, start=pos, end=pos + len(p), parent=0))
        pos += len(p)
    sections = pd.DataFrame(rows)
    df = extract_indicators(text, sections, {})
    assert df["text"].tolist() == ["3个"] and df["section"].tolist() == [0] and not df["target"].iloc[0]


def test_plan_section_states_what_exists():
    text = "一、下一步工作计划\n现有养老机构17个，新建5个。"
    sections = pd.DataFrame({"level": [1], "marker": ["一、"], "title": ["下一步工作计划"], "role": ["plans"],
                             "start": [0], "end": [len(text)], "parent": [None], "path": ["1"]})
    df = extract_indicators(text, sections, {})
    assert df["target"].tolist() == [False, True]


def test_plan_clause_continuing_an_outcome():
    # 涉及/惠及 open a clause that tells the scope of the clause before it: done work stays done
    text = ("一、今年工作安排\n入境通关时间已由48小时压缩到12小时，涉及600多家外贸企业。"
            "新建冷链仓库3座，惠及农户2000户。已建成集中供热站2座，覆盖居民1.5万户。")
    sections = pd.DataFrame({"level": [1], "marker": ["一、"], "title": ["今年工作安排"], "role": ["plans"],
                             "start": [0], "end": [len(text)], "parent": [None], "path": ["1"]})
    df = extract_indicators(text, sections, {})
    assert df[["text", "target"]].values.tolist() == [
        ["48小时", False], ["12小时", False], ["600多家", False], ["3座", True], ["2000户", True],
        ["2座", False], ["1.5万户", False]]


def test_review_clause_continuing_a_goal_stays_an_outcome():
    # the continuation only adds outcome words: a goal word before it does not make the scope a goal
    text = ("一、2024年工作回顾\n调解成功率98%，高于年初确定的95%目标，涉及金额约300万元。")
    sections = pd.DataFrame({"level": [1], "marker": ["一、"], "title": ["2024年工作回顾"], "role": ["achievements"],
                             "start": [0], "end": [len(text)], "parent": [None], "path": ["1"]})
    df = extract_indicators(text, sections, {})
    assert df[["text", "target"]].values.tolist() == [["98%", False], ["95%", True], ["约300万元", False]]


def test_plan_counts_what_a_measure_is_aimed_at():
    # the households a plan is aimed at exist already (like 现有17个); what it will do is a target
    text = ("一、下一步工作计划\n重点针对58户171人的监测对象落实帮扶措施，新建帮扶车间4个。"
            "针对性开展培训12场，针对薄弱村新建服务站6个。")
    sections = pd.DataFrame({"level": [1], "marker": ["一、"], "title": ["下一步工作计划"], "role": ["plans"],
                             "start": [0], "end": [len(text)], "parent": [None], "path": ["1"]})
    df = extract_indicators(text, sections, {})
    assert df[["text", "target"]].values.tolist() == [["58户", False], ["171人", False], ["4个", True],
                                                      ["12场", True], ["6个", True]]


def test_fallback_roles_without_sections():
    text = "一、2023年工作回顾\n新建公园3个。\n二、2024年工作计划\n新建公园5个。"
    df = extract_indicators(text, pd.DataFrame(), {})
    assert df["target"].tolist() == [False, True]
    assert df["section"].tolist() == [-1, -1]


def test_fallback_roles_from_mixed_titles_and_years():
    text = ("一、“十四五”时期发展成就和“十五五”时期主要目标任务\n过去五年，新建学校12所。\n"
            "到2030年，新建学校30所。\n二、2026年重点工作\n新建公园8个。")
    df = extract_indicators(text, pd.DataFrame(), {"year": 2026, "report_type": "gwr"})
    assert df[["text", "target"]].values.tolist() == [["12所", False], ["30所", True], ["8个", True]]


def test_review_part_target_words():
    text = "一、工作成效\n积极争取上级资金3项，拟创设制度23项。"
    sections = pd.DataFrame({"level": [1], "marker": ["一、"], "title": ["工作成效"], "role": ["achievements"],
                             "start": [0], "end": [len(text)], "parent": [None], "path": ["1"]})
    df = extract_indicators(text, sections, {})
    assert df["target"].tolist() == [False, True]


def test_goal_values_inside_review():
    text = "一、工作成效\n开展模拟法庭活动15场次，完成年度目标的102%，高于年初确定的6.5%目标，6项指标不及预期。"
    sections = pd.DataFrame({"level": [1], "marker": ["一、"], "title": ["工作成效"], "role": ["achievements"],
                             "start": [0], "end": [len(text)], "parent": [None], "path": ["1"]})
    df = extract_indicators(text, sections, {})
    assert df[["text", "target"]].values.tolist() == [["15场次", False], ["102%", False], ["6.5%", True],
                                                      ["6项", False]]


def test_plan_figure_compared_with_last_year_in_a_review_part():
    # 计划 governs the comparison: the year's plan figure is a goal even in a review part; the
    # outcome, an estimate (预计) and a share of the plan stay outcomes
    text = ("一、工作回顾\n全年粮食产量计划比上年增长3%，实际比上年增长4.2%。"
            "全县财政收入预计比上年增长8%，完成计划的105%。")
    sections = pd.DataFrame({"level": [1], "marker": ["一、"], "title": ["工作回顾"], "role": ["achievements"],
                             "start": [0], "end": [len(text)], "parent": [None], "path": ["1"]})
    df = extract_indicators(text, sections, {})
    assert df[["text", "target"]].values.tolist() == [["3%", True], ["4.2%", False], ["8%", False],
                                                      ["105%", False]]


def test_plan_part_indicator_names():
    text = "一、今年工作安排\n实际使用外资增长10%，全年完成重大工程投资250亿元，累计突破500亿元。"
    sections = pd.DataFrame({"level": [1], "marker": ["一、"], "title": ["今年工作安排"], "role": ["plans"],
                             "start": [0], "end": [len(text)], "parent": [None], "path": ["1"]})
    df = extract_indicators(text, sections, {})
    assert df["target"].tolist() == [True, True, True]


def test_odd_sections_frames():
    text = "一、工作回顾\n新建公园3个。"
    bare = pd.DataFrame({"start": [0], "end": [len(text)]})           # no role, no parent
    holes = pd.DataFrame({"start": [0, None], "end": [len(text), 3], "role": ["plans", None]})
    named = pd.DataFrame({"start": [0], "end": [len(text)], "role": ["plans"], "parent": [-1]}, index=["a"])
    assert extract_indicators(text, bare, None)[["section", "target"]].values.tolist() == [[0, False]]
    assert extract_indicators(text, holes, None)[["section", "target"]].values.tolist() == [[0, True]]
    assert extract_indicators(text, named, None)[["section", "target"]].values.tolist() == [["a", True]]


def test_units_file_is_extensible():
    from govtext.indicators.lexicon import parse_units_tsv

    units = parse_units_tsv("# comment\n吨公里\tcount\t\n平米\tarea\t平方米\n")
    assert units["吨公里"].canonical == "吨公里" and units["平米"].canonical == "平方米"


def test_rows_sorted_non_overlapping():
    text = "增长5%—6%，新增3至5个，达到95%、85%、80%以上，近15亿元，超过1600家。" * 20
    df = extract_indicators(text)
    starts, ends = df["start"].tolist(), df["end"].tolist()
    assert starts == sorted(starts)
    assert all(e <= s for e, s in zip(ends, starts[1:]))


def test_fold_width_long_and_short_agree():
    from govtext.indicators.numerals import _FOLD, fold_width

    text = "全年增长８．５％，投入１２３４万元〇○　。" * 40
    assert len(text) > 256
    assert fold_width(text) == text.translate(_FOLD)
    assert fold_width(text[:30]) == text[:30].translate(_FOLD)


def test_finder_matches_plain_anchor_search():
    """The one-pass finder reads the same anchors as the plain alternation; it skips only
    one-character Chinese numerals that no unit, range or 成 follows (统一, 一些)."""
    from govtext.indicators.grammar import _finder, _patterns, fold_width, lexicon

    lex, anchor, sep_re = _patterns()[0], _patterns()[1], _patterns()[4]
    finder = _finder()
    text = fold_width("统一部署，翻一番，三分之一，百分之五十，1/3，近百件，5.2万户，两千余人，余下，多项，"
                      "3万千瓦，5%—6%，一些，进一步，一是，十个，十分，1,234,5678个，二〇二三年，8 万元，人均5万元/人。" * 3)
    pos, got = 0, []
    while (m := finder.search(text, pos)):
        g = "num" if m.lastgroup == "n" else m.lastgroup
        got.append((m.start(), m.end(g), g))
        pos = m.end(g)
    pos, want, skipped = 0, [], 0
    while (m := anchor.search(text, pos)):
        s, e = m.span()
        pos = e
        if (s, e, m.lastgroup) == (got[len(want)] if len(want) < len(got) else None):
            want.append((s, e, m.lastgroup))
            continue
        # skipped: a one-character numeral with nothing after it that makes a quantity
        q = e + (text[e] in "余多")
        assert m.lastgroup == "num" and e - s == 1 and text[s] not in "千百", text[s:e + 2]
        assert not lex.unit_re.match(text, q + (text[q] == " ")) and not sep_re.match(text, q)
        assert text[q] != "成"
        skipped += 1
    assert got == want and len(got) > 20 and skipped > 5
    assert lexicon() is lex

def test_unit_trie_matches_flat_alternation():
    import re

    from govtext.indicators.lexicon import alternation, lexicon, trie_alternation

    units = list(lexicon().units)
    flat, trie = re.compile(alternation(units)), re.compile(trie_alternation(units))
    texts = [u + tail for u in units for tail in ("", "次", "时", "x", "以上")]
    texts.append("千瓦时千瓦千米个百分点人次人公里美元/人" * 2)
    for t in texts:
        for i in range(len(t)):
            a, b = flat.match(t, i), trie.match(t, i)
            assert (a and a.group()) == (b and b.group()), (t, i)


def test_simple_numerals_read_as_before():
    from govtext.indicators.numerals import parse_numeral

    assert parse_numeral("2023") == 2023.0 and parse_numeral("5.2万") == 52000.0
    assert parse_numeral("9.8亿") == 980000000.0 and parse_numeral("1,132.92亿") == 113292000000.0
    assert parse_numeral("0万") == 10000.0 and parse_numeral("0亿") == 100000000.0   # as the general reading
    assert parse_numeral("1234567890123456") == 1234567890123460.0                      # 15 significant digits
    assert parse_numeral("０.５") == 0.5 and parse_numeral("8 万") == 80000.0
