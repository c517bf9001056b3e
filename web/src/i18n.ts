import { computed, shallowRef } from 'vue';
import { createI18n } from 'vue-i18n';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Language } from 'element-plus/es/locale';
import elementZhCn from 'element-plus/es/locale/lang/zh-cn';
import { LOCALES, type LabelTable, type Locale } from '@alliance/shared';
import zhCN from './locales/zh-CN';

const STORAGE_KEY = 'alliance.locale';

function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return LOCALES.includes(saved as Locale) ? (saved as Locale) : 'zh-CN';
}

export type MessageSchema = typeof zhCN;

/**
 * Chinese first; English switchable. Every visible string comes from locales/.
 * Only the Chinese texts come with the page: the English ones (and Element
 * Plus's) are fetched when English is chosen, so a phone on the login page
 * downloads and parses one language (docs/web.md "On a phone").
 */
export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN } as Record<Locale, MessageSchema>,
  missingWarn: false,
  fallbackWarn: false,
});

/** The one locale ref: vue-i18n, Element Plus (el-config-provider) and dayjs follow it. */
export const currentLocale = computed<Locale>(() => i18n.global.locale.value as Locale);

/** Element Plus's texts (date pickers, pagers, empty tables) in the current locale, for el-config-provider. */
export const elementLocale = shallowRef<Language>(elementZhCn);
const elementLocales: Partial<Record<Locale, Language>> = { 'zh-CN': elementZhCn };

/** The English texts and Element Plus's, fetched the first time English is chosen. */
async function loadEnglish(): Promise<void> {
  const [texts, element] = await Promise.all([import('./locales/en'), import('element-plus/es/locale/lang/en')]);
  i18n.global.setLocaleMessage('en', texts.default);
  elementLocales.en = element.default;
}

function applyLocale(locale: Locale) {
  i18n.global.locale.value = locale;
  elementLocale.value = elementLocales[locale]!;
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}
applyLocale('zh-CN');

/**
 * Switches the app's language and remembers it: at once when its texts are
 * here, else once they have been fetched.
 */
export function setLocale(locale: Locale): Promise<void> {
  const apply = () => {
    applyLocale(locale);
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  };
  if (elementLocales[locale]) {
    apply();
    return Promise.resolve();
  }
  return loadEnglish().then(apply);
}

/** The saved language, ready: the apps mount after it (at once for Chinese; English waits for its texts, else stays Chinese). */
export const localeReady: Promise<void> = initialLocale() === 'zh-CN' ? Promise.resolve() : setLocale(initialLocale()).catch(() => undefined);

export const t = (key: string, named?: Record<string, unknown>) => (named ? i18n.global.t(key, named) : i18n.global.t(key));

/** A label from one of @alliance/shared's tables, in the current locale. */
export function label<K extends string>(table: LabelTable<K>, key: K | null | undefined): string {
  if (key === null || key === undefined) return '';
  return table[currentLocale.value][key] ?? key;
}
