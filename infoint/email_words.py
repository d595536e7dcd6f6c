"""Step 1, O5: the vocabularies of the address check beyond English: Spanish nickname and
hobby words, the pinyin ones Chinese students use, and the pinyin of Chinese surnames and of the
characters common in given names, so that 李伟 is recognised in "li.wei@", "liwei@",
"wei.li@" and "lw@".

A table, not a dictionary: a name with a character it lacks is simply not matched (no warning
is given about the name then). Polyphonic surnames take their surname reading (曾 zeng, 单 shan).
"""

from __future__ import annotations

import re


def _table(text: str) -> dict[str, str]:
    """ "李li 王wang" -> {"李": "li", "王": "wang"}."""
    return {m.group(1): m.group(2) for m in re.finditer(r"([^\sa-z]+)([a-z]+)", text)}


# Spanish nickname and hobby words (folded). Words that are also common first names or
# surnames (Linda, Bella, Dulce, Rey, Moreno, Rubio, Lobo, León...) are left out.
HOBBY_ES = frozenset(
    """
princesa principe guapo guapa guapisimo guapisima fiestero fiestera fiesta rockero rockera
bonita bonito chica chico nena nene bebe bombon preciosa precioso diosa loco loca locura
rumbero rumbera chulo chula cielito corazon amorcito mami papi papito mamita chiquita chiquito
gordo gorda gordito gordita flaco flaca futbolero futbolera travieso traviesa angelito diablo
diabla diablito tigre tigresa gata gatita gatito perrito osito osita conejita muneca caramelo
bichota bandido malandro picaro picara crack capo campeon campeona reggaetonero pelotero
chingon chingona bacan bacana loquito loquita
""".split()
)
FILLER_ES = frozenset("el la los las mi tu su de del y un una muy soy yo super mega re".split())
# Pinyin nickname words ("cute", "baby", "handsome guy", "goddess"...).
HOBBY_ZH = frozenset(
    """
xiaokeai keai baobei baobao meinv shuaige xiannv xiaoxiannv nvshen nanshen xiaogege gege
meimei jiejie laogong laopo xiaozhu zhuzhu pangpang dashen woaini aini qinqin kuaile
xiaotianshi tianshi xiaomeinv xiaoshuaige xiaobaobei mengmeng mengmeida
""".split()
)
FILLER_ZH = frozenset("xiao da lao wo ai de zhi".split())
# Found even inside a longer run of letters (too distinctive to be part of a name).
DISTINCT = (
    "princesa",
    "fiestero",
    "fiestera",
    "rockero",
    "rockera",
    "guapo",
    "guapa",
    "bombon",
    "xiaokeai",
    "baobei",
    "shuaige",
    "meinv",
    "nvshen",
    "xiannv",
)

# Chinese surnames (the compound ones too) and their pinyin.
SURNAMES = _table(
    """
王wang 李li 张zhang 刘liu 陈chen 杨yang 黄huang 赵zhao 吴wu 周zhou 徐xu 孙sun 马ma 朱zhu
胡hu 郭guo 何he 高gao 林lin 罗luo 郑zheng 梁liang 谢xie 宋song 唐tang 许xu 韩han 冯feng
邓deng 曹cao 彭peng 曾zeng 肖xiao 田tian 董dong 袁yuan 潘pan 于yu 蒋jiang 蔡cai 余yu
杜du 叶ye 程cheng 苏su 魏wei 吕lv 丁ding 任ren 沈shen 姚yao 卢lu 姜jiang 崔cui 钟zhong
谭tan 陆lu 汪wang 范fan 金jin 石shi 廖liao 贾jia 夏xia 韦wei 付fu 方fang 白bai 邹zou
孟meng 熊xiong 秦qin 邱qiu 江jiang 尹yin 薛xue 闫yan 段duan 雷lei 侯hou 龙long 史shi
陶tao 黎li 贺he 顾gu 毛mao 郝hao 龚gong 邵shao 万wan 钱qian 严yan 覃qin 武wu 戴dai 莫mo
孔kong 向xiang 汤tang 常chang 温wen 康kang 施shi 文wen 牛niu 樊fan 葛ge 邢xing 安an 齐qi
易yi 乔qiao 伍wu 庞pang 颜yan 倪ni 庄zhuang 聂nie 章zhang 鲁lu 岳yue 翟zhai 殷yin 詹zhan
申shen 欧ou 耿geng 关guan 兰lan 焦jiao 俞yu 左zuo 柳liu 甘gan 祝zhu 包bao 宁ning 尚shang
符fu 舒shu 阮ruan 柯ke 纪ji 梅mei 童tong 凌ling 毕bi 单shan 季ji 裴pei 霍huo 涂tu
成cheng 苗miao 谷gu 盛sheng 曲qu 翁weng 冉ran 骆luo 蓝lan 路lu 游you 辛xin 靳jin 管guan
柴chai 蒙meng 鲍bao 华hua 喻yu 祁qi 蒲pu 房fang 滕teng 屈qu 饶rao 解xie 牟mou 艾ai 尤you
阳yang 时shi 穆mu 农nong 司si 卓zhuo 古gu 吉ji 缪miao 简jian 车che 项xiang 连lian 麦mai
褚chu 娄lou 窦dou 戚qi 岑cen 景jing 党dang 宫gong 费fei 卜bu 冷leng 晏yan 席xi 卫wei
米mi 柏bai 宗zong 瞿qu 桂gui 全quan 佟tong 应ying 臧zang 闵min 苟gou 邬wu 边bian 卞bian
姬ji 师shi 和he 仇qiu 栾luan 隋sui 商shang 刁diao 沙sha 荣rong 巫wu 寇kou 桑sang 郎lang
甄zhen 丛cong 仲zhong 虞yu 敖ao 巩gong 明ming 池chi 查zha 麻ma 苑yuan 迟chi 邝kuang
官guan 封feng 谈tan 匡kuang 鞠ju 惠hui 荆jing 冀ji 郁yu 胥xu 南nan 班ban 储chu 原yuan
栗li 燕yan 楚chu 劳lao 奚xi 皮pi 冼xian 蔺lin 楼lou 满man 闻wen 厉li 伊yi 区ou 海hai
花hua 权quan 强qiang 帅shuai 屠tu 朴piao 练lian 廉lian 禹yu 井jing 祖zu 巴ba 丰feng
支zhi 卿qing 国guo 狄di 平ping 计ji 索suo 宣xuan 晋jin 初chu 云yun 容rong 敬jing 来lai
芮rui 鹿lu 薄bo 雍yong 辜gu 羊yang 裘qiu 修xiu 赫he 杭hang 况kuang 宿su 印yin 隆long
茹ru 诸zhu 战zhan 慕mu 危wei 银yin 公gong 宾bin 戎rong 茅mao 利li 居ju 揭jie 干gan
元yuan 束shu 檀tan 信xin 展zhan 智zhi 幸xing 奉feng 衡heng 富fu 尧yao 由you 欧阳ouyang
上官shangguan 司马sima 诸葛zhuge 东方dongfang 皇甫huangfu 慕容murong 令狐linghu
夏侯xiahou 长孙zhangsun 宇文yuwen 尉迟yuchi 公孙gongsun 端木duanmu 司徒situ
"""
)


# Characters common in Chinese given names and their pinyin.
GIVEN = _table(
    """
伟wei 芳fang 娜na 秀xiu 英ying 敏min 静jing 丽li 强qiang 磊lei 军jun 洋yang 勇yong 艳yan
杰jie 娟juan 涛tao 明ming 超chao 霞xia 平ping 刚gang 桂gui 玲ling 华hua 红hong 辉hui
鑫xin 宇yu 浩hao 俊jun 建jian 国guo 文wen 斌bin 飞fei 鹏peng 晨chen 欣xin 雪xue 梅mei
琳lin 婷ting 慧hui 莹ying 倩qian 颖ying 佳jia 琪qi 晶jing 琴qin 云yun 兰lan 凤feng
萍ping 燕yan 玉yu 珍zhen 丹dan 蕾lei 璐lu 瑶yao 怡yi 悦yue 萱xuan 涵han 梓zi 子zi 轩xuan
晗han 诗shi 雨yu 可ke 馨xin 思si 嘉jia 彤tong 昊hao 然ran 睿rui 博bo 泽ze 宸chen 铭ming
瑞rui 凯kai 毅yi 峰feng 雷lei 龙long 阳yang 帆fan 航hang 旭xu 晓xiao 小xiao 春chun 秋qiu
冬dong 夏xia 海hai 波bo 林lin 森sen 松song 楠nan 薇wei 蓉rong 荣rong 芬fen 芝zhi 莉li
花hua 菲fei 蓓bei 贝bei 宝bao 婉wan 婧jing 妍yan 娇jiao 媛yuan 姗shan 婕jie 娅ya 妮ni
姝shu 嫣yan 洁jie 清qing 淑shu 源yuan 沛pei 渊yuan 湘xiang 泉quan 沁qin 汐xi 澜lan
潇xiao 瀚han 永yong 长chang 志zhi 忠zhong 孝xiao 义yi 礼li 信xin 德de 仁ren 安an 宁ning
康kang 福fu 寿shou 禄lu 喜xi 庆qing 祥xiang 吉ji 利li 顺shun 达da 成cheng 功gong 胜sheng
新xin 光guang 亮liang 耀yao 辰chen 星xing 月yue 日ri 天tian 地di 山shan 川chuan 江jiang
河he 湖hu 鸿hong 鹤he 麟lin 虎hu 豪hao 雄xiong 彬bin 武wu 兵bing 卫wei 东dong 西xi 南nan
北bei 中zhong 正zheng 方fang 圆yuan 立li 力li 卓zhuo 越yue 远yuan 振zhen 兴xing 家jia
怀huai 锦jin 瑜yu 琦qi 璇xuan 琼qiong 瑾jin 璟jing 玥yue 珊shan 珂ke 琛chen 瑛ying 颜yan
韵yun 音yin 乐le 歌ge 舒shu 畅chang 欢huan 笑xiao 逸yi 轶yi 羽yu 翔xiang 翰han 哲zhe
健jian 益yi 民min 生sheng 金jin 银yin 铁tie 钢gang 锋feng 亚ya 虹hong 霖lin 露lu 霏fei
雯wen 君jun 晴qing 昕xin 昱yu 晟sheng 景jing 智zhi 聪cong 捷jie 凡fan 一yi 伊yi 依yi
宜yi 以yi 艺yi 奕yi 忆yi 诺nuo 若ruo 如ru 茹ru 心xin 梦meng 萌meng 雅ya 娴xian 贤xian
仙xian 玄xuan 学xue 勤qin 青qing 茜qian 芊qian 谦qian 乾qian 骏jun 驰chi 腾teng 冰bing
洪hong 芸yun 彦yan 岩yan 延yan 言yan 研yan 佩pei 培pei 紫zi 宗zong 尊zun 卿qing 炜wei
玮wei 维wei 巍wei 蔚wei 威wei 微wei 昌chang 朝chao 泰tai 万wan 旺wang 望wang 荔li 黎li
俐li 少shao 绍shao 韶shao 姿zi 芷zhi 之zhi 知zhi 致zhi 治zhi 展zhan 章zhang 彰zhang
璋zhang 真zhen 贞zhen 桢zhen 峥zheng 铮zheng 政zheng 钧jun 均jun 筠yun 允yun 运yun 蕴yun
昀yun 熙xi 曦xi 希xi 溪xi 夕xi 美mei 爱ai 霄xiao 宏hong 彩cai 凌ling 岚lan 蓝lan 朗lang
琅lang 浪lang 乔qiao 桥qiao 巧qiao 擎qing 程cheng 承cheng 诚cheng 澄cheng 橙cheng
丞cheng 灿can 璨can 晖hui 卉hui 蕙hui 珲hui 惠hui 汇hui 伦lun 纶lun 轮lun 仑lun 坤kun
琨kun 鲲kun 昆kun 豫yu 煜yu 钰yu 毓yu 誉yu 妤yu 渝yu 语yu 予yu 屿yu 遇yu 喻yu 育yu 烨ye
晔ye 业ye 叶ye 野ye 冶ye 炎yan 焱yan 晏yan 宴yan 筱xiao 啸xiao 肖xiao 骁xiao 萧xiao
逍xiao 筑zhu 竹zhu 珠zhu 朱zhu 柱zhu 铸zhu 祝zhu 著zhu 诸zhu 舟zhou 洲zhou 州zhou 周zhou
宙zhou 骅hua 桦hua 铧hua 亭ting 庭ting 廷ting 霆ting 挺ting 汀ting 梵fan 繁fan 蕃fan
钒fan 樊fan 苒ran 冉ran 染ran 朵duo 多duo 铎duo 甜tian 恬tian 添tian 田tian
"""
)
