// The words of /r (how to report, and a box for a tracking code), loaded with that page.
export default {
  home: {
    title: '码上反映',
    lead: '请扫描社区张贴的二维码反映问题。',
    trackTitle: '查询办理进度',
    trackCode: '查询码',
    trackPlaceholder: '如 LL-20261124-0042',
    trackGo: '查询',
    badCode: '查询码的格式不对，请对照短信或截图',
  },
};
