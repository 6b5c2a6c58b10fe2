import { Weighted, type Random } from '../../shared/index.js';
import type { Channel, SourceChannel } from './channels.js';
import type { Store } from './stores.js';

/** The ids the platforms know the customer by: Taobao/Tmall open UID, JD open id, WeChat union id. */
export interface ChannelIdentities {
  taobao: string | null;
  jd: string | null;
  wechat: string | null;
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** The platform ids of a customer who joined through `source`, shaped as each platform issues them. */
export function drawIdentities(rng: Random, source: SourceChannel): ChannelIdentities {
  return {
    taobao: source === 'taobao' || source === 'tmall' ? `AA${rng.chars(B64URL, 22)}` : null,
    jd: source === 'jd' ? `o*AA${rng.chars(B62, 28)}` : null,
    wechat: source === 'wechat' || source === 'other' || rng.chance(source === 'store' ? 0.6 : 0.15) ? `o${rng.chars(B64URL, 27)}` : null,
  };
}

/** Where a customer buys: mostly where they joined, never on a platform they have no account on. */
export function channelMix(source: SourceChannel, identity: ChannelIdentities, store: Store | null): Weighted<Channel> {
  const mix: [Channel, number][] = [];
  if (identity.taobao) mix.push(['tmall', source === 'tmall' ? 75 : 20], ['taobao', source === 'taobao' ? 70 : 15]);
  if (identity.jd) mix.push(['jd', 85]);
  if (store) mix.push(['store', source === 'store' ? 75 : 6]);
  if (identity.wechat) mix.push(['wechat', source === 'wechat' || source === 'other' ? 70 : source === 'store' ? 25 : 6]);
  return new Weighted(mix);
}
