import { Weighted } from '../../shared/index.js';

type Industry = 'manufacturing' | 'it' | 'finance' | 'retail' | 'healthcare' | 'education' | 'logistics' | 'energy' | 'construction' | 'other';

/** Industries of the vendor's market: industry, company-name suffix, domain word, one-line profile. */
export const INDUSTRIES = new Weighted<[Industry, string, string, string]>([
  [['manufacturing', '精密机械有限公司', 'machinery', '主营精密零部件加工，客户覆盖汽车与家电行业'], 22],
  [['manufacturing', '电子科技有限公司', 'electronics', '生产消费电子模组，拥有两座自动化工厂'], 12],
  [['it', '信息技术有限公司', 'tech', '为中型企业提供软件开发与系统集成服务'], 12],
  [['finance', '融资租赁有限公司', 'leasing', '面向制造业的设备融资租赁'], 5],
  [['retail', '商贸有限公司', 'trading', '区域连锁零售商，门店遍布华东'], 10],
  [['healthcare', '医疗器械有限公司', 'medical', '研发生产二类医疗器械'], 8],
  [['education', '教育科技有限公司', 'edu', '职业教育与企业培训服务商'], 5],
  [['logistics', '供应链管理有限公司', 'scm', '第三方仓储与城配物流'], 10],
  [['energy', '新能源科技有限公司', 'energy', '光伏组件与储能系统集成'], 8],
  [['construction', '建材有限公司', 'building', '新型建材生产与工程供货'], 6],
  [['other', '实业有限公司', 'group', '多元化经营的民营企业集团'], 2],
]);
