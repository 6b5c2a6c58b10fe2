import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { changeLocale, useLocale } from '../i18n/index.js';

/** Switches between 中文 and English; the button names the language it switches to, in that language. */
export function LanguageSwitch() {
  const locale = useLocale();
  const next = locale === 'en' ? 'zh-CN' : 'en';
  return (
    <Button type="text" icon={<GlobalOutlined aria-hidden />} lang={next} onClick={() => changeLocale(next)}>
      {next === 'en' ? 'English' : '中文'}
    </Button>
  );
}
