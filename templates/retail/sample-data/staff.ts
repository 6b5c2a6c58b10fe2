/** Online customer service agents. */
export const SERVICE_STAFF = ['林晓', '周雨', '孙婷', '何静'];
/** Store assistants. */
export const STORE_STAFF = ['李娜', '张敏', '刘洋', '赵磊'];
/** Account managers of the top member levels and of group purchases. */
export const VIP_MANAGERS = ['陈思', '王珂'];
