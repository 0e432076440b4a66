/** Plain-language pointers shared by the checker tools: where a user finds their own area's figures. */
export const WHERE_TO_FIND_LOCAL_FIGURES =
  '当地的标准可以在当地医保局网站查到，也可以打 12393 医保服务热线，或在“国家医保服务平台”App 里查询。';
