/** Longest message prefix the NLU looks at, in characters; the rest cannot change the intent much. */
export const MAX_INPUT_CHARS = 300;

// Traditional characters customers from HK/TW or on traditional keyboards commonly send.
const TRADITIONAL =
  '訂订單单貨货發发門门時时間间換换買买賣卖號号碼码麼么個个還还沒没嗎吗謝谢費费運运優优庫库達达聯联繫系務务詢询問问題题錢钱們们這这說说點点幾几開开關关營营業业薦荐適适膚肤顏颜變变據据處处訴诉態态壞坏損损錯错誤误無无過过會会員员動动滿满減减線线際际貴贵遞递馬马寄寄囉啰嗨嗨塊块價价傳传給给讓让帶带對对從从來来後后兩两裡里裏里寶宝點点為为甚什麼么與与專专電电視视應应該该補补紅红藍蓝綠绿黃黄灰灰';

const TRADITIONAL_MAP = new Map<string, string>();
for (let i = 0; i + 1 < TRADITIONAL.length; i += 2) TRADITIONAL_MAP.set(TRADITIONAL[i], TRADITIONAL[i + 1]);

// Homophone typos and internet spellings seen in support chats, mapped to the intended word.
const TYPOS: readonly (readonly [string, string])[] = [
  ['定单', '订单'],
  ['订淡', '订单'],
  ['丁单', '订单'],
  ['退宽', '退款'],
  ['推款', '退款'],
  ['退欵', '退款'],
  ['推货', '退货'],
  ['发漂', '发票'],
  ['发标', '发票'],
  ['快第', '快递'],
  ['快低', '快递'],
  ['人功', '人工'],
  ['人攻', '人工'],
  ['优惠卷', '优惠券'],
  ['卷码', '券码'],
  ['地只', '地址'],
  ['地止', '地址'],
  ['营也', '营业'],
  ['库纯', '库存'],
  ['运废', '运费'],
  ['投述', '投诉'],
  ['配宋', '配送'],
  ['取销', '取消'],
  ['门电', '门店'],
  ['尺马', '尺码'],
  ['肿么', '怎么'],
  ['神马', '什么'],
  ['木有', '没有'],
  ['米有', '没有'],
  ['酱紫', '这样'],
  ['蟹蟹', '谢谢'],
  ['谢谢谢', '谢谢'],
  ['退或', '退货'],
  ['换或', '换货'],
  ['发或', '发货'],
  ['到或', '到货'],
  ['有或', '有货'],
  ['没或', '没货'],
  ['邮废', '邮费'],
  ['送废', '送费'],
  ['投素', '投诉'],
  ['支附', '支付'],
  ['优慧', '优惠'],
  ['忧惠', '优惠'],
  ['打拆', '打折'],
  ['关们', '关门'],
  ['开们', '开门'],
  ['克服', '客服'],
  ['再吗', '在吗'],
  ['在马', '在吗'],
  ['丹号', '单号'],
  ['发飘', '发票'],
  ['物留', '物流'],
  ['库寸', '库存'],
  ['尺吗', '尺码'],
  ['低址', '地址'],
  ['地扯', '地址'],
  ['营叶', '营业'],
  ['推见', '推荐'],
  ['推存', '推荐'],
  ['3q', '谢谢'],
  ['thx', 'thanks'],
  ['plz', 'please'],
  ['pls', 'please'],
  ['nihao', '你好'],
  ['xiexie', '谢谢'],
];

/**
 * Canonical form shared by the classifier and the entity extractors: full-width to half-width (NFKC),
 * lower case, traditional to simplified for common characters, known typos fixed, whitespace collapsed,
 * truncated to MAX_INPUT_CHARS.
 */
export function canonicalize(raw: string): string {
  let s = raw
    .slice(0, MAX_INPUT_CHARS * 2)
    .normalize('NFKC')
    .toLowerCase();
  let out = '';
  for (const ch of s) out += TRADITIONAL_MAP.get(ch) ?? ch;
  s = out;
  for (const [typo, fixed] of TYPOS) if (s.includes(typo)) s = s.split(typo).join(fixed);
  return s.replace(/\s+/g, ' ').trim().slice(0, MAX_INPUT_CHARS);
}

/**
 * Text the classifier sees: canonical text with punctuation and emoji as spaces, long digit runs as `§`
 * (ids, phones) and short ones as `#`, so "订单123456" and "订单778899" share features.
 */
export function toFeatureText(canonical: string): string {
  return canonical
    .replace(/[#§]/g, ' ')
    .replace(/\d{5,}/g, ' § ')
    .replace(/\d+/g, '#')
    .replace(/[^\p{Script=Han}a-z#§?]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
