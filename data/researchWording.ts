/**
 * Wording from our own research process (notes on what we could not confirm). It must never reach a reader:
 * the data invariants check every shipped text field, and test/e2e/bundle.e2e.ts checks the built extension.
 */
export const RESEARCH_WORDING = [
  /尚未核实/,
  /未核实/,
  /尚未找到/,
  /没有找到(用|相关|原文|规定|依据|文件|细则|出处)/,
  /资料里/,
  /未核对/,
  /尚未核对/,
  /没有直接读到/,
  /直接读到/,
  /二手/,
  /本项目/,
  /资料中/,
  /本站资料/,
  /原文尚未/,
  /有待核实/,
  /待核实/,
  /本站(尚未|没有|未)/,
  /资料未/,
  /本资料/,
  /转述/,
  /可信度/,
  /征求意见稿/,
  /某市/,
];
