/**
 * Folds traditional and variant Chinese characters to the simplified forms our
 * glossary and articles use, so that 職工醫保 finds 职工医保 and 个人帐户 finds
 * 个人账户. A compact hand-kept table covering the characters of our titles,
 * aliases and the words people type with them (a few hundred pairs; no library,
 * nothing loaded at run time). Characters not in the table pass through.
 */

/** Pairs of (traditional or variant, simplified), written one after the other. */
const PAIRS =
  // 医疗保险、机构
  '醫医療疗險险鎮镇鄉乡農农額额費费補补綜综體体業业長长護护國国門门經经辦办機机構构務务貼贴傷伤' +
  // 基金、账户
  '統统籌筹賬账帳账帐账戶户戸户會会個个餘余歷历曆历結结資资當当計计劃划標标準准撥拨員员診诊濟济' +
  '親亲屬属內内區区異异錢钱號号繼继現现銀银參参繳缴數数單单納纳靈灵從从徵征財财連连續续間间斷断' +
  // 待遇、报销
  '報报銷销變变動动復复複复轉转關关兒儿嬰婴寶宝發发髮发導导見见勵励獎奖無无級级證证憑凭領领記记' +
  '養养對对學学實实際际視视躉趸終终後后範范圍围錄录規规線线檻槛頂顶負负項项藥药類类種种層层別别' +
  '傾倾邊边緣缘貧贫雙双搶抢責责擔担創创談谈設设帶带採采購购調调態态點点協协議议時时聯联網网備备' +
  '駐驻臨临電电碼码臺台檯台暫暂詐诈騙骗盜盗掛挂丟丢賣卖託托組组總总預预衛卫頭头幹干乾干監监' +
  // 问句里常见的字
  '嗎吗裡里裏里麼么來来為为爲为還还買买換换沒没響响給给應应該该違违錯错過过誰谁幾几縮缩檔档滿满' +
  '夠够請请樣样這这問问題题說说開开歲岁兩两讓让們们辭辞職职聽听寫写與与員员擇择雜杂確确認认費费' +
  '選选種种歸归檢检驗验麼么處处據据專专門门較较齊齐團团災灾礙碍殘残屆届壽寿險险慮虑換换權权藥药';

export const CHINESE_VARIANTS: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const chars = [...PAIRS];
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i]!, chars[i + 1]!);
  return map;
})();

/** Any character of the table (all are in the Basic Multilingual Plane, so a plain character class holds them). */
const VARIANT_CHAR = new RegExp(`[${[...CHINESE_VARIANTS.keys()].join('')}]`, 'g');

/** The text with every traditional or variant character in the table replaced by its simplified form. */
export function foldChineseVariants(text: string): string {
  return text.replace(VARIANT_CHAR, (ch) => CHINESE_VARIANTS.get(ch) ?? ch);
}
