/**
 * The address of a post, normalised so that the same post recorded twice (from a phone's share
 * sheet, a desktop browser, a short link) is recognised as one (docs/domain/medsos.md §Duplikat).
 * Siaga does not follow links or fetch pages: only what the address itself says is used, so a
 * platform's opaque short link (vt.tiktok.com/…) stays its own address until someone merges it.
 */

export const PLATFORM = [
  'facebook',
  'instagram',
  'x',
  'tiktok',
  'youtube',
  'whatsapp',
  'telegram',
  'lainnya',
] as const;
export type Platform = (typeof PLATFORM)[number];

/** Host (without www./m./mobile./web.) → platform and the host Siaga writes for it. */
const HOSTS: Record<string, { platform: Platform; host: string }> = {
  'facebook.com': { platform: 'facebook', host: 'facebook.com' },
  'fb.com': { platform: 'facebook', host: 'facebook.com' },
  'fb.watch': { platform: 'facebook', host: 'fb.watch' },
  'instagram.com': { platform: 'instagram', host: 'instagram.com' },
  'instagr.am': { platform: 'instagram', host: 'instagram.com' },
  'x.com': { platform: 'x', host: 'x.com' },
  'twitter.com': { platform: 'x', host: 'x.com' },
  'tiktok.com': { platform: 'tiktok', host: 'tiktok.com' },
  'vt.tiktok.com': { platform: 'tiktok', host: 'vt.tiktok.com' },
  'vm.tiktok.com': { platform: 'tiktok', host: 'vm.tiktok.com' },
  'youtube.com': { platform: 'youtube', host: 'youtube.com' },
  'youtu.be': { platform: 'youtube', host: 'youtube.com' },
  'wa.me': { platform: 'whatsapp', host: 'wa.me' },
  'chat.whatsapp.com': { platform: 'whatsapp', host: 'chat.whatsapp.com' },
  'whatsapp.com': { platform: 'whatsapp', host: 'whatsapp.com' },
  't.me': { platform: 'telegram', host: 't.me' },
  'telegram.me': { platform: 'telegram', host: 't.me' },
};

/** Query parameters that only say who shared a link or from where: never part of the post's identity. */
const TRACKING =
  /^(utm_.*|fbclid|gclid|igshid|igsh|mibextid|si|s|t|ref|ref_src|ref_url|feature|_rdr|rdid|share_url|is_from_webapp|sender_device|is_copy_url|web_id|_t|_r|__cft__.*|__tn__)$/i;

/** Query parameters that name the post itself on some platforms (Facebook's story_fbid, YouTube's v). */
const KEEP: Partial<Record<Platform, readonly string[]>> = {
  facebook: ['story_fbid', 'id', 'v', 'fbid', 'set'],
  youtube: ['v'],
};

export type UrlResult = { ok: true; url: string; platform: Platform } | { ok: false; reason: string };

function stripSubdomain(host: string): string {
  return host.replace(/^(www\.|m\.|mobile\.|web\.|mbasic\.|touch\.|lite\.)/, '');
}

/**
 * The normalised address of a post and the platform it names: https, lower-case host without
 * www./m., no fragment, no tracking parameters, no trailing slash, remaining parameters sorted;
 * youtu.be/ID and /shorts/ID as watch?v=ID; twitter.com as x.com with the account in lower case.
 */
export function normaliseUrl(raw: string): UrlResult {
  const text = raw.trim();
  if (text === '') return { ok: false, reason: 'kosong' };
  let parsed: URL;
  try {
    parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, reason: 'bukan alamat web' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return { ok: false, reason: 'harus alamat http atau https' };
  if (!parsed.hostname.includes('.')) return { ok: false, reason: 'nama situs tidak lengkap' };
  const bare = stripSubdomain(parsed.hostname.toLowerCase().replace(/\.$/, ''));
  const known = HOSTS[bare];
  const platform: Platform = known?.platform ?? 'lainnya';
  const host = known?.host ?? bare;
  let path = parsed.pathname.replace(/\/{2,}/g, '/').replace(/\/+$/, '');
  const params = new URLSearchParams();
  const keep = KEEP[platform];
  for (const [name, value] of parsed.searchParams) {
    if (TRACKING.test(name)) continue;
    if (keep !== undefined && !keep.includes(name)) continue;
    params.append(name, value);
  }
  if (bare === 'youtu.be' && path.length > 1) {
    params.set('v', path.slice(1));
    path = '/watch';
  }
  const shorts = /^\/(shorts|live)\/([^/]+)$/.exec(path);
  if (platform === 'youtube' && shorts) {
    params.set('v', shorts[2]!);
    path = '/watch';
  }
  // Account names are case-insensitive on X and Instagram; the post id that follows is not.
  if (platform === 'x' || platform === 'instagram') {
    path = path.replace(/^\/([^/]+)/, (_, account: string) => `/${account.toLowerCase()}`);
  }
  // Instagram serves the same post at /p/ID, /reel/ID and /account/p/ID.
  if (platform === 'instagram') {
    const post = /\/(p|reel|reels|tv)\/([^/]+)$/.exec(path);
    if (post) path = `/p/${post[2]!}`;
  }
  params.sort();
  const query = params.toString();
  return { ok: true, platform, url: `https://${host}${path}${query === '' ? '' : `?${query}`}` };
}
