/** The vendor's sales team; every account, lead and deal has one of them as owner. */
export const SALES_REPS = ['王磊', '李娜', '张伟', '刘洋', '陈静', '杨帆'];
