/** Where an order is placed: a marketplace, the WeChat mini program or a store. */
export type Channel = 'taobao' | 'tmall' | 'jd' | 'store' | 'wechat';
/** Where a customer joined the membership. */
export type SourceChannel = Channel | 'other';
