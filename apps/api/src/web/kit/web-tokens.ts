/** Injection tokens of the web layer's plain providers. */
export const SITE_URL = 'WEB_SITE_URL';
export const CSRF_KEY = 'WEB_CSRF_KEY';
