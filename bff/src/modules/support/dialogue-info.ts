import { In, type DataSource } from 'typeorm';
import type { ParseResult } from '../../algorithms/nlu';
import { ProductEntity, StockEntity } from '../catalog/catalog.entity';
import { PositionEntity, ConsentEntity } from '../lbs/lbs.entity';
import { OrderEntity, OrderItemEntity } from '../orders/order.entity';
import type { StoresService } from '../stores/stores.service';
import { StoreEntity } from '../stores/store.entity';
import type { BotReply, DialogueOutcome, DialogueTurn, Knowledge } from './dialogue.types';
import { goodsWordIn, isOfKind } from './goods-words';

type Partial2 = Partial<DialogueOutcome> & { replies: BotReply[] };

const SKIN_ZH: Record<string, string> = {
  dry: '干皮',
  oily: '油皮',
  sensitive: '敏感肌',
  combination: '混合皮',
  normal: '所有肤质',
};
/** FAQ categories that hold the answers to each policy intent. */
const INTENT_CATEGORIES: Record<string, string[]> = {
  delivery_fee: ['delivery'],
  invoice: ['invoice'],
  promotion: ['coupons', 'membership'],
  payment_issue: ['payment', 'orders'],
  address_change: ['orders', 'delivery'],
  return_refund: ['returns'],
  exchange: ['returns'],
  product_question: ['products'],
};
const FALLBACK: Record<string, string> = {
  delivery_fee: '配送费',
  invoice: '发票',
  promotion: '优惠券',
  payment_issue: '支付',
  address_change: '修改地址',
  return_refund: '退货',
  exchange: '换货',
};

/** The retriever's confidence above which its article answers a message the classifier could not place. */
const FAQ_ONLY_CONFIDENCE = 0.5;

/** Answers about stores, products and policies: live data first, the FAQ knowledge base for the rest. */
export class InfoAnswers {
  constructor(private readonly deps: { db: DataSource; knowledge: Knowledge; stores: StoresService }) {}

  /** Store, product, stock and recommendation questions. */
  async answer(intent: string, parsed: ParseResult, turn: DialogueTurn): Promise<Partial2> {
    const e = parsed.entities;
    if (intent === 'store_hours' || intent === 'store_nearby') {
      if (intent === 'store_hours' && e.stores.length) {
        const s = await this.deps.stores.detail(Number(e.stores[0].id));
        return {
          replies: [
            {
              text: `${s.name}：${s.open.label}。营业时间 ${s.hours.map((h) => `${'日一二三四五六'[h.weekday]} ${h.open}-${h.close}`).join('，')}。地址：${s.address}，电话 ${s.phone}。`,
            },
          ],
        };
      }
      const near = await this.nearbyOfUser(turn);
      if (!near) {
        return {
          replies: [
            {
              text: '打开「门店」页面，允许使用位置后就能看到离你最近的门店和营业时间。也可以告诉我门店名，比如「静安店几点关门」。',
            },
          ],
        };
      }
      return {
        replies: [
          {
            text: `离你最近的门店：\n${near.map((s) => `· ${s.name}（${s.distanceM >= 1000 ? `${(s.distanceM / 1000).toFixed(1)} km` : `${s.distanceM} m`}，${s.open.label}）`).join('\n')}`,
          },
        ],
      };
    }
    const product = e.products[0]
      ? await this.deps.db.getRepository(ProductEntity).findOneBy({ id: Number(e.products[0].id) })
      : null;
    if (intent === 'stock_check') {
      if (!product)
        return {
          unresolved: true,
          replies: [{ text: '想查哪件商品的库存？告诉我商品名，比如「玻尿酸面霜还有货吗」。' }],
        };
      const stock = await this.deps.db.getRepository(StockEntity).findBy({ productId: product.id });
      const stores = await this.deps.db
        .getRepository(StoreEntity)
        .findBy({ id: In(stock.map((s) => s.storeId)) });
      const have = stock
        .filter((s) => s.quantity > 0)
        .sort((a, b) => b.quantity - a.quantity)
        .slice(0, 4);
      if (!have.length)
        return { replies: [{ text: `${product.name} 目前各门店都暂时缺货，到货后会第一时间补上。` }] };
      return {
        replies: [
          {
            text: `${product.name} 有货的门店：\n${have.map((s) => `· ${stores.find((x) => x.id === s.storeId)?.name}：${s.quantity} 件`).join('\n')}`,
          },
        ],
      };
    }
    if (intent === 'product_question' && product) {
      const attrs = product.attributes.map((a) => `${a.name}：${a.value}`).join('；');
      const kb = this.deps.knowledge.answer(turn.text ?? '');
      return {
        replies: [
          {
            text: `${product.name}（¥${(product.priceFen / 100).toFixed(2)}）：${product.subtitle}。${attrs}。${product.description}${kb && kb.confidence > 0.6 ? `\n\n${kb.article.body.slice(0, 120)}` : ''}`,
          },
        ],
      };
    }
    if (intent === 'product_question')
      return this.fromKnowledge(intent, turn.text ?? '', turn, parsed.confidence);
    return this.recommend(parsed, turn, product);
  }

  private async recommend(
    parsed: ParseResult,
    turn: DialogueTurn,
    product: ProductEntity | null,
  ): Promise<Partial2> {
    const e = parsed.entities;
    const lastOrder = await this.deps.db
      .getRepository(OrderEntity)
      .findOne({ where: { userId: turn.principal.userId }, order: { id: 'DESC' } });
    const bought = lastOrder
      ? await this.deps.db.getRepository(OrderItemEntity).findBy({ orderId: lastOrder.id })
      : [];
    const seedSkus = [...(product ? [product.sku] : []), ...bought.map((i) => i.sku)];
    const stock = await this.deps.db.getRepository(StockEntity).find();
    const inStockIds = new Set(stock.filter((s) => s.quantity > 0).map((s) => s.productId));
    const products = await this.deps.db.getRepository(ProductEntity).findBy({ active: true });
    const bySku = new Map(products.map((p) => [p.sku, p]));
    // A named kind of goods bounds the picks; when the shop has none of it, say so and offer a person.
    const kind = product ? null : goodsWordIn(turn.text ?? '');
    const ofKind = kind ? new Set(products.filter((p) => isOfKind(p, kind)).map((p) => p.sku)) : null;
    if (kind && !ofKind!.size) {
      return {
        replies: [
          {
            text: `暂无相关商品：店里目前没有「${kind}」。可以看看其他商品，或者转人工帮你问问门店。`,
            payload: { chips: [{ label: '转人工', action: { type: 'human' } }] },
          },
        ],
      };
    }
    const picks = this.deps.knowledge.recommend({
      seedSkus,
      seedSource: product ? 'mentioned' : 'purchased',
      attributes: {
        skin: e.skinTypes.map((s) => SKIN_ZH[s]).filter(Boolean),
        sizes: e.sizes,
        colors: e.colors,
      },
      inStock: (sku) => inStockIds.has(bySku.get(sku)?.id ?? -1) && (!ofKind || ofKind.has(sku)),
      k: 3,
    });
    const cards = picks.flatMap((r) => {
      const p = bySku.get(r.sku);
      return p
        ? [{ id: p.id, name: p.name, priceFen: p.priceFen, image: p.images[0] ?? '', reason: r.reason }]
        : [];
    });
    if (!cards.length)
      return {
        unresolved: true,
        replies: [{ text: '可以告诉我你的肤质或想要的品类吗？比如「干皮适合什么面霜」。' }],
      };
    return { replies: [{ text: '根据你的情况，推荐这几款：', payload: { products: cards } }] };
  }

  /** The FAQ's answer when the retriever alone is confident (for topics the intent classifier does not know). */
  faqOnly(text: string, minConfidence = FAQ_ONLY_CONFIDENCE): Partial2 | null {
    const hit = text.trim() ? this.deps.knowledge.answer(text) : null;
    if (!hit || hit.confidence < minConfidence) return null;
    return {
      unresolved: false,
      replies: [
        { text: hit.article.body, payload: { article: { id: hit.article.id, title: hit.article.title } } },
      ],
    };
  }

  /** A policy answer from the FAQ, with the user's context where it matters; "not sure" below the threshold. */
  async fromKnowledge(
    intent: string,
    text: string,
    turn: DialogueTurn,
    intentConfidence = 0,
  ): Promise<Partial2> {
    // When the NLU is sure of the topic, the best article of that topic answers even if the
    // wording matches the FAQ only loosely.
    const confident = intentConfidence >= 0.6;
    const hit =
      this.deps.knowledge.answer(text) ??
      (INTENT_CATEGORIES[intent] && confident
        ? this.deps.knowledge.bestIn(text, INTENT_CATEGORIES[intent])
        : null) ??
      this.deps.knowledge.answer(`${FALLBACK[intent] ?? ''} ${text}`);
    const extra: string[] = [];
    if (intent === 'payment_issue' || intent === 'address_change') {
      const pending = await this.deps.db.getRepository(OrderEntity).findOne({
        where: {
          userId: turn.principal.userId,
          status: In(
            intent === 'payment_issue' ? ['pending_payment'] : ['pending_payment', 'paid', 'assigned'],
          ),
        },
        order: { id: 'DESC' },
      });
      if (pending && intent === 'payment_issue')
        extra.push(`你的订单 ${pending.orderNo} 还在等待支付，15 分钟内未支付会自动取消。`);
      if (pending && intent === 'address_change')
        extra.push(
          `订单 ${pending.orderNo} 的地址下单后不能直接修改，可以取消后重新下单，或转人工帮你处理。`,
        );
    }
    if (!hit) {
      return {
        unresolved: true,
        replies: [
          {
            text: `${extra.join('')}这个问题我不太确定，怕说错了。可以换个说法，或者转人工客服。`,
            payload: { chips: [{ label: '转人工', action: { type: 'human' } }] },
          },
        ],
      };
    }
    return {
      replies: [
        {
          text: `${extra.join('')}${hit.article.body}`,
          payload: { article: { id: hit.article.id, title: hit.article.title } },
        },
      ],
    };
  }

  private async nearbyOfUser(turn: DialogueTurn) {
    const consent = await this.deps.db
      .getRepository(ConsentEntity)
      .findOneBy({ userId: turn.principal.userId });
    const pos = consent?.location
      ? await this.deps.db.getRepository(PositionEntity).findOneBy({ userId: turn.principal.userId })
      : null;
    if (!pos) return null;
    const res = await this.deps.stores.nearby({ lat: pos.lat, lng: pos.lng, limit: 3 });
    return res.items;
  }
}
