/**
 * 家庭共济: may this holder's 个人账户 pay for this relative, for what, how, and within which limits.
 * Facts: policy-facts rows 4, 9–12 and §3b.
 */
import { type CheckerNote, formatCheckerYuan } from './format';

export type FamilyShareRelation =
  '配偶' | '父母' | '子女' | '兄弟姐妹' | '祖父母/外祖父母' | '孙子女/外孙子女' | '其他';
export type FamilyShareHolderScheme = '职工医保' | '居民医保';
export type FamilyShareRelativeInsurance = '职工医保' | '居民医保' | '未参保';

export interface FamilyShareCheckInput {
  relation: FamilyShareRelation;
  holderScheme: FamilyShareHolderScheme;
  relativeInsurance: FamilyShareRelativeInsurance;
  /** Holder and relative insured in the same province. */
  sameProvince: boolean;
}

export interface FamilyShareCheckResult {
  allowed: boolean;
  /** One sentence answer. */
  verdict: string;
  /** What the money may pay for (empty when not allowed). */
  usableFor: CheckerNote[];
  /** How to set it up (empty when not allowed). */
  howTo: CheckerNote[];
  /** Limits on transfers (empty when not allowed). */
  limits: CheckerNote[];
  /** Reasons and caveats. */
  notes: CheckerNote[];
}

/** Relatives covered since 2021 (配偶/父母/子女); 国办发〔2024〕38号 (2024-07) widened it to 近亲属, provinces followed. */
const FIRST_CIRCLE: FamilyShareRelation[] = ['配偶', '父母', '子女'];

/** 医保钱包 limits per wallet (2025). */
export const FAMILY_SHARE_WALLET_LIMITS = { transfersPerDay: 3, maxPerTransfer: 2000 } as const;

const PAY_CONTRIBUTION: CheckerNote = {
  text: '为他缴纳城乡居民医保的个人缴费。',
  sources: ['gbf-2024-38'],
};
const PAY_OUT_OF_POCKET: CheckerNote = {
  text: '他在定点医疗机构看病、在定点零售药店买药时自己负担的费用。',
  sources: ['gbf-2021-14', 'gbf-2024-38'],
};
const OWN_CARD_ONLY: CheckerNote = {
  text: '钱可以共济，卡不能共用：他看病买药必须用他自己的医保卡或医保码，借卡给别人用属于违规。',
  sources: ['xh-2024-10-share', 'reg-735'],
  quote: '参保人员应当持本人医疗保障凭证就医、购药，并主动出示接受查验',
  where: '第十七条',
  quoteOf: 'reg-735',
};
const NOT_FAMILY_VIEW: CheckerNote = {
  text: '“亲情账户”只是帮家人出示他自己的医保码，花的是他自己的额度，不等于家庭共济。',
  sources: ['xh-2024-10-share'],
};
const NOT_FOR: CheckerNote = {
  text: '个人账户不能用于公共卫生、体育健身、养生保健等支出。',
  sources: ['gbf-2021-14'],
};

function refused(verdict: string, reason: CheckerNote): FamilyShareCheckResult {
  return { allowed: false, verdict, usableFor: [], howTo: [], limits: [], notes: [reason] };
}

function crossProvinceLimits(): CheckerNote[] {
  return [
    {
      text: `每个医保钱包每天最多转 ${FAMILY_SHARE_WALLET_LIMITS.transfersPerDay} 笔，每笔不超过 ${formatCheckerYuan(FAMILY_SHARE_WALLET_LIMITS.maxPerTransfer)} 元。`,
      sources: ['wallet-2025', 'zqsb-2026'],
    },
    { text: '每天 22:00 到次日 6:00 不能转账。', sources: ['wallet-2025'] },
    { text: '对方没有接收的钱，次日 6:00 退回原钱包。', sources: ['wallet-2025'] },
    {
      text: '2025 年 9 月的报道说医保钱包跨省转账已在大多数省份开通，但不是每个省都已上线；你们两地能不能转，请先在国家医保服务平台 App 里查看。',
      sources: ['wallet-2025'],
    },
  ];
}

function howToFor(sameProvince: boolean): CheckerNote[] {
  if (sameProvince) {
    return [
      {
        text: '在国家医保服务平台 App 的地方专区，或当地医保公众号等渠道绑定家庭共济关系，具体渠道以当地为准。',
        sources: ['xh-2024-10-share'],
      },
      { text: '全国所有省份已实现省内共济，包括省内不同城市之间。', sources: ['xh-2024-11-share'] },
    ];
  }
  return [
    {
      text: '跨省共济通过医保钱包：双方都在国家医保服务平台 App 首页开通医保钱包，你把钱转进他的医保钱包，他接收后可用于就医购药结算或缴居民医保。',
      sources: ['wallet-2025'],
    },
    {
      text: '2026 年 1 月国家医保局、财政部的通知：共济的钱可以付近亲属的医疗费用，以及他们居民医保和长期护理保险的个人缴费；一人可以绑定多位近亲属。',
      sources: ['nhsa-2026-cross-share'],
    },
  ];
}

export function checkFamilyShare(input: FamilyShareCheckInput): FamilyShareCheckResult {
  if (input.holderScheme === '居民医保') {
    return refused('不能：城乡居民医保没有个人账户，没有钱可以共济。', {
      text: '只有职工医保参保人有个人账户；反过来，家里有职工医保的近亲属可以用他的账户帮你。',
      sources: ['xh-2024-10-share'],
    });
  }
  if (input.relation === '其他') {
    return refused('不能：家庭共济只限近亲属。', {
      text: '近亲属指配偶、父母、子女、兄弟姐妹、祖父母、外祖父母、孙子女、外孙子女；朋友或其他亲戚不在范围内。',
      sources: ['gbf-2024-38'],
    });
  }

  const notes: CheckerNote[] = [];
  if (!FIRST_CIRCLE.includes(input.relation)) {
    notes.push({
      text: '共济范围原为配偶、父母、子女；2024 年 7 月国办发〔2024〕38号提出扩大到近亲属，各省此后陆续落地（截至 2024 年 11 月已有 23 个省份开通），办理前请在当地确认。',
      sources: ['gbf-2024-38', 'xh-2024-11-share'],
    });
  }
  let verdict: string;
  let usableFor: CheckerNote[];
  if (input.relativeInsurance === '未参保') {
    verdict = '可以，但只能先帮他缴居民医保：他还没参保，看病的费用不能用你的账户付。';
    usableFor = [PAY_CONTRIBUTION];
    notes.push({
      text: '共济支付看病费用的前提是对方已参加基本医保；先用你的账户帮他缴上居民医保个人缴费，参保后才能共济支付他的医药费用（新参保可能有等待期）。',
      sources: ['sc-2025-share', 'xh-2024-05-share', 'gbf-2024-38', 'qa-38-waiting'],
    });
  } else if (input.relativeInsurance === '居民医保') {
    verdict = '可以：你的个人账户可以帮他缴居民医保，也可以付他看病买药自己负担的部分。';
    usableFor = [PAY_CONTRIBUTION, PAY_OUT_OF_POCKET];
  } else {
    verdict = '可以：你的个人账户可以付他看病买药自己负担的部分。';
    usableFor = [PAY_OUT_OF_POCKET];
    notes.push({
      text: '共济可以代缴的是近亲属的居民医保个人缴费，2026 年 1 月的通知又加上长期护理保险个人缴费（限当地已开办长护险的）；职工医保的保费不在共济范围内。',
      sources: ['sc-2025-share', 'nhsa-2026-cross-share'],
    });
  }
  notes.push(OWN_CARD_ONLY, NOT_FAMILY_VIEW, NOT_FOR);

  const limits = input.sameProvince
    ? [{ text: '省内共济的办理渠道和额度以当地政策为准。', sources: ['xh-2024-11-share'] }]
    : crossProvinceLimits();

  return { allowed: true, verdict, usableFor, howTo: howToFor(input.sameProvince), limits, notes };
}

export interface FamilyShareWalletPlan {
  /** Amount of each transfer, in order. */
  transfers: number[];
  /** Days needed at 3 transfers a day. */
  days: number;
  steps: string[];
}

/** Splits a cross-province 共济 amount into 医保钱包 transfers (≤2000 元 each, ≤3 a day). */
export function planFamilyShareWalletTransfers(amount: number): FamilyShareWalletPlan {
  const { maxPerTransfer, transfersPerDay } = FAMILY_SHARE_WALLET_LIMITS;
  const fen = Math.max(0, Math.round(amount * 100));
  const transfers: number[] = [];
  for (let left = fen; left > 0; left -= maxPerTransfer * 100) {
    transfers.push(Math.min(left, maxPerTransfer * 100) / 100);
  }
  const days = Math.ceil(transfers.length / transfersPerDay);
  const steps =
    transfers.length === 0
      ? ['金额为 0，不需要转账。']
      : [
          `每笔不超过 ${formatCheckerYuan(maxPerTransfer)} 元：${formatCheckerYuan(fen / 100)} 元分成 ${transfers.length} 笔（${transfers.map(formatCheckerYuan).join(' + ')}）。`,
          `每天最多 ${transfersPerDay} 笔：${transfers.length} 笔需要 ${days} 天（避开 22:00 到次日 6:00）。`,
        ];
  return { transfers, days, steps };
}
