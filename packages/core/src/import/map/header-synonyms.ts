/**
 * Column headers people use for common fields, in Chinese and English, by field name (and by
 * field type for phone and email). Compared after normalising (see headerKey).
 */
export const synonymsByName: Record<string, readonly string[]> = {
  name: ['姓名', '名字', '客户名称', '客户名', '客户姓名', '名称', '联系人', '联系人姓名', '会员名', '会员姓名', '收货人', 'name', 'fullname', 'customername', 'customer', 'contactname', 'contact'],
  phone: ['手机', '手机号', '手机号码', '联系电话', '电话', '电话号码', '联系方式', '移动电话', '联系手机', '收货人手机', 'mobile', 'mobilephone', 'phone', 'phonenumber', 'cell', 'cellphone', 'telephone', 'tel'],
  email: ['邮箱', '电子邮箱', '电子邮件', '邮件', '邮箱地址', 'email', 'e-mail', 'mail', 'emailaddress'],
  gender: ['性别', 'sex', 'gender'],
  birthday: ['生日', '出生日期', '出生年月', '出生年月日', 'birthday', 'dateofbirth', 'dob', 'birthdate'],
  province: ['省', '省份', '所在省', '所在省份', 'province', 'state'],
  city: ['市', '城市', '所在城市', '所在市', 'city'],
  district: ['区', '区县', '县区', '所在区', '所在区县', 'district', 'county'],
  address: ['地址', '详细地址', '收货地址', '联系地址', '通讯地址', '街道地址', '住址', 'address', 'streetaddress', 'street'],
  notes: ['备注', '说明', '备注信息', 'notes', 'note', 'remark', 'remarks', 'comment', 'comments'],
  code: ['编号', '客户编号', '会员编号', '会员卡号', 'code', 'number'],
  organization: ['公司', '单位', '公司名称', '企业', '企业名称', '工作单位', 'company', 'organization', 'organisation', 'employer'],
  job_title: ['职位', '职务', '岗位', '头衔', 'jobtitle', 'title', 'position'],
  source_channel: ['来源', '渠道', '来源渠道', '客户来源', 'source', 'channel'],
  member_level: ['会员等级', '等级', '会员级别', 'level', 'tier', 'memberlevel'],
  points_balance: ['积分', '积分余额', '当前积分', 'points', 'pointsbalance'],
  total_spent: ['消费金额', '累计消费', '总消费', '累计消费金额', 'totalspent', 'lifetimevalue'],
  orders_count: ['订单数', '购买次数', '订单数量', '下单次数', 'orders', 'orderscount', 'ordercount'],
  wechat_union_id: ['微信', '微信号', '微信unionid', 'wechat', 'wechatid'],
  taobao_open_uid: ['淘宝id', '淘宝账号', '旺旺', '旺旺号', '淘宝openuid', 'taobaoid'],
  jd_open_id: ['京东id', '京东账号', 'jdid', 'jdopenid'],
  website: ['网站', '网址', '官网', 'website', 'url', 'homepage'],
  industry: ['行业', '所属行业', 'industry'],
  consent_marketing: ['营销授权', '同意营销', '接收营销', 'marketingconsent', 'optin'],
};

/** Synonyms that apply to any field of a type. */
export const synonymsByType: Partial<Record<string, readonly string[]>> = {
  phone: synonymsByName.phone,
  email: synonymsByName.email,
};

/** A header or name reduced for comparison: half-width, lower case, no spaces, underscores or punctuation. */
export function headerKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s_\-.:：()（）[\]【】*#]/g, '');
}
