/** Splits a '|'-separated word list; one string per group keeps these long lists compact. */
function words(list: string): string[] {
  return list.split('|');
}

/**
 * Words the segmenter must keep whole: shop vocabulary, store and time words, product and attribute
 * names. Callers can add their own brand, store and product names through `createNlu({ dictionary })`.
 */
export const USER_WORDS: readonly string[] = [
  ...words('订单号|单号|配送时段|送货时间|配送时间|自提|门店自提|到店自提|取货码|改时间|改地址|收货地址'),
  ...words('转人工|人工客服|在线客服|退货退款|仅退款|换货|七天无理由|运费险|配送费|包邮|免运费|起送价'),
  ...words('满减|优惠券|新人券|会员日|积分|电子发票|增值税专票|发票抬头|税号|微信支付|支付失败|重复扣款'),
  ...words('到账|营业时间|几点开门|几点关门|打烊|附近门店|骑手|小哥|静安店|徐汇店|浦东店|陆家嘴店'),
  ...words('南京西路店|淮海路店|五角场店|嘉里中心|来福士|万象城|太古里|大悦城|环球港|正大广场|国金中心'),
  ...words('旗舰店|大后天|下周一|下周二|下周三|下周四|下周五|下周六|下周日|下礼拜|这周末|下周末|明早'),
  ...words('明晚|今晚|今早|傍晚|凌晨|工作日|精华液|精华|面霜|眼霜|乳液|爽肤水|化妆水|洗面奶|洁面|防晒霜'),
  ...words('面膜|口红|粉底液|卸妆油|卸妆水|身体乳|护手霜|香水|玻尿酸|烟酰胺|羽绒服|卫衣|连衣裙|牛仔裤'),
  ...words('衬衫|T恤|外套|大衣|针织衫|运动鞋|四件套|床单|被套|枕头|毛巾|浴巾|香薰|蜡烛|保温杯|收纳盒'),
  ...words('坚果|零食|礼盒|咖啡豆|挂耳|燕麦|蛋糕|月饼|茶叶|蜂蜜|干皮|油皮|敏感肌|混合皮|混油|混干|中性皮'),
  ...words('痘痘肌|尺码表|均码'),
];

/**
 * Concept lexicon: synonyms that signal the same need, turned into one shared feature each so that a
 * phrasing never seen in training still lights up the concept. Chinese triggers match as substrings of the
 * canonical text; Latin ones (English, and pinyin typed without switching the input method) as whole words.
 */
export const CONCEPTS: Readonly<Record<string, readonly string[]>> = {
  order: [
    ...words('订单|单号|单子|我的单|包裹|快递|物流|我买的|下的单|order|parcel|package|dingdan|wuliu'),
    ...words('kuaidi|baoguo|danhao'),
    ...words('wo de'),
  ],
  where: [
    ...words('到哪|在哪|哪了|进度|状态|发货|啥时候到|什么时候到|几时到|多久到|fahuo|dao na'),
    ...words('arrive|arrived|delivered|when will'),
    ...words('zai na|daole meiyou|fahuo le ma'),
  ],
  not_arrived: words('还没到|没收到|还没送|没送到|还不到|怎么还没|咋还没|迟迟|一直没'),
  track: [...words('where|track|status|shipped|eta|派送|配送中|签收|查一下'), ...words('tracking|wheres')],
  reschedule: [
    ...words('改时间|换时间|换个时间|改期|改约|改到|推迟|延后|提前|改天|gai shijian|shijian|shiduan'),
    ...words('change time|another day|instead|postpone|delay|later'),
  ],
  slot: words('时段|时间段|送货时间|配送时间|晚点送|早点送|reschedule|slot|几点送'),
  cancel: [
    ...words('取消|不要了|撤销|退单|cancel|不想要了|别送了|作废|不买了|撤单|quxiao'),
    ...words('cancelled|canceled|cancellation'),
    ...words('bu yao le|buyao le'),
  ],
  refund: [
    ...words('退货|退款|退钱|退了|退回|返还|七天无理由|refund|return|钱退|tuikuan|tuihuo|tuiqian'),
    ...words('money back|returns|refunded'),
    ...words('tui qian'),
  ],
  exchange: [
    ...words('换货|换一个|换个|换成|调换|换码|换尺码|换颜色|换大|换小|exchange|huanhuo|huanma'),
    ...words('swap|replace|replacement|different size|different color|bigger|smaller'),
    ...words('调个码|调码|换号|换一双|换双'),
  ],
  invoice: [
    ...words('发票|开票|抬头|税号|专票|普票|报销|invoice|fapiao|receipt|kaipiao'),
    ...words('vat|tax'),
    ...words('piao|kai piao'),
  ],
  hours: [
    ...words('几点开门|几点关门|营业|开门|关门|打烊|开到几点|几点开|几点关|hours|yingye|guanmen|kaimen'),
    ...words('open|opening|close|closing|closed'),
    ...words('shijian|jidian'),
  ],
  nearby: [
    ...words('附近|最近的|离我|周边|哪里有店|门店在哪|怎么走|导航|多远|near'),
    ...words('nearest|nearby|closest|location|branch|around'),
    ...words('fujin|zui jin|mendian|shitidian'),
  ],
  store: words('门店|店|实体店|线下|store|shop'),
  usage: [
    ...words('成分|怎么用|用法|保质期|过期|孕妇|材质|面料|功效|区别|过敏'),
    ...words(
      'ingredients|ingredient|material|contain|contains|waterproof|shelf life|expire|allergic|pregnant|wash|safe',
    ),
    ...words('chengfen|zenme yong'),
  ],
  suitable: words('适合|能用吗|可以用吗|会不会|是不是|正品|洗|缩水|掉色|配料'),
  recommend: [
    ...words('推荐|有什么好|什么好用|买什么|送礼|礼物|适合我|种草|安利|选哪'),
    ...words('recommend|recommendation|recommendations|suggest|best|popular|gift|which one'),
    ...words('挑|帮我选|帮我挑|值得买|用啥|买啥|tuijian'),
  ],
  stock: [
    ...words('有货|有没有货|库存|缺货|没货|补货|到货|断码|售罄|现货|stock|kucun|youhuo|quehuo|buhuo'),
    ...words('available|in stock|out of stock|sold out|restock'),
    ...words('you huo|mei huo'),
  ],
  fee: [
    ...words('运费|配送费|邮费|包邮|免运|起送|送货费|跑腿费|shipping|delivery fee|yunfei|baoyou|youfei'),
    ...words('peisongfei|delivery charge|free delivery|free shipping|postage'),
    ...words('配送的钱|送货的钱|送过来要多少钱|邮寄费|快递费'),
  ],
  pay: [
    ...words('支付|付款|付不了|扣款|扣钱|扣了|微信支付|付钱|付了|pay|到账|zhifu|fukuan|koukuan'),
    ...words('payment|charged|charge|card|declined|paid|alipay'),
    ...words('fu bu liao|zhifu shibai|fukuan shibai'),
  ],
  angry: [
    ...words('投诉|态度|太差|垃圾|骗子|差评|12315|消协|举报|气死|恶心|坑|tousu|chaping|laji'),
    ...words(
      'complain|complaint|terrible|worst|rude|scam|scammers|unacceptable|horrible|ridiculous|disappointed|awful|angry|sucks',
    ),
    ...words('cha ping'),
  ],
  human: [
    ...words('人工|真人|客服|转人工|找人|经理|活人|接线|human|agent|机器人|rengong|kefu|zhenren'),
    ...words('real person|operator|customer service|someone|staff|manager|person'),
    ...words('管事|负责人|领导|主管|rengong kefu'),
  ],
  promo: [
    ...words('优惠|活动|打折|折扣|红包|满减|会员|积分|促销|秒杀|双十一|券|youhui|dazhe|youhuiquan|huodong'),
    ...words('deal|deals|promotion|voucher|offer'),
    ...words('zhekou'),
  ],
  promo_en: words('coupon|discount|sale|promo|618|双11|新人|便宜|返现|赠品'),
  address: [
    ...words('地址|收货地址|送到|寄到|搬家|门牌|小区|收件人|address|几号楼|dizhi'),
    ...words('gai dizhi|shoujian'),
  ],
  greet: [
    ...words('你好|您好|在吗|在不在|哈喽|嗨|hello|hi|早上好|有人吗|喂|nihao|zaima'),
    ...words('hey|good morning|good afternoon|good evening'),
  ],
  thank: [
    ...words('谢谢|感谢|多谢|谢了|辛苦|明白了|懂了|thanks|thank|给力|麻烦了|xiexie'),
    ...words('thx|appreciate|great|perfect|okay|got it|bye|goodbye|cool'),
  ],
  angry_more: words(
    '差劲|失望|不满意|离谱|过分|骂|凶|欺骗|虚假|敷衍|推卸|不负责|赔偿|说法|交代|曝光|维权|无语|受够|破',
  ),
  usage_more: [
    ...words('能不能用|可以用|用多久|多大|尺寸|容量|多重|什么味|甜不甜|含|添加|效果|副作用|刺激|保存|冷藏'),
    ...words('怎么洗|机洗|手洗|掉毛|起球|透气|偏大|偏小|几岁|哺乳|宝宝能|儿童|怎么泡|怎么吃|保暖'),
  ],
  // Topics no shop can help with: pooled so an unseen off-topic question still looks off-topic.
  oos_platform: words('淘宝|京东|拼多多|美团|饿了么|顺丰|中通|圆通|韵达|滴滴|抖音|别家|taobao|jd'),
  oos_weather: words('天气|下雨|下雪|气温|温度|刮风|台风|冷不冷|热不热|雾霾|weather'),
  oos_media: words('电影|电视剧|歌|游戏|小说|明星|综艺|笑话|故事|段子|新闻|movie|song|game|joke'),
  oos_learning: words('作业|数学|英语|翻译|考试|高考|大学|编程|代码|python|写诗|作文|homework|translate'),
  oos_finance: words('股票|基金|比特币|房价|汇率|彩票|理财|贷款|房贷|油价|金价|stock market|bitcoin'),
  oos_health: words('感冒|发烧|头疼|头痛|吃药|医院|挂号|失眠|血压|生病|看病'),
  oos_travel: words('机票|火车|高铁|酒店|打车|地铁|航班|签证|景点|旅游|flight|hotel|taxi'),
  oos_bot: words('你是谁|你叫什么|你几岁|你喜欢|你会不会|你有没有|你觉得|你是男|你是女|陪我|聊天|无聊'),
};
