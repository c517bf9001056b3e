import { computed } from 'vue';
import { createI18n } from 'vue-i18n';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { LOCALES, type LabelTable, type Locale } from '@alliance/shared';
import zhCN from './locales/zh-CN';
import en from './locales/en';

const STORAGE_KEY = 'alliance.locale';

function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return LOCALES.includes(saved as Locale) ? (saved as Locale) : 'zh-CN';
}

export type MessageSchema = typeof zhCN;

/** Chinese first; English switchable. Every visible string comes from locales/. */
export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
  missingWarn: false,
  fallbackWarn: false,
});

/** The one locale ref: vue-i18n, Element Plus (el-config-provider) and dayjs follow it. */
export const currentLocale = computed<Locale>(() => i18n.global.locale.value as Locale);

function applyLocale(locale: Locale) {
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}
applyLocale(currentLocale.value);

export function setLocale(locale: Locale) {
  i18n.global.locale.value = locale;
  globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  applyLocale(locale);
}

export const t = (key: string, named?: Record<string, unknown>) => (named ? i18n.global.t(key, named) : i18n.global.t(key));

/** A label from one of @alliance/shared's tables, in the current locale. */
export function label<K extends string>(table: LabelTable<K>, key: K | null | undefined): string {
  if (key === null || key === undefined) return '';
  return table[currentLocale.value][key] ?? key;
}
