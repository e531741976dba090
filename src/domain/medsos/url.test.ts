import { describe, expect, it } from 'vitest';
import { normaliseUrl } from './url';

describe('normaliseUrl', () => {
  it.each([
    // the same post from a phone's share sheet and a desktop browser
    [
      'https://m.facebook.com/story.php?story_fbid=123&id=456&mibextid=abc&fbclid=XYZ',
      'https://facebook.com/story.php?id=456&story_fbid=123',
    ],
    [
      'http://www.facebook.com/groups/palopo/posts/99/?__cft__[0]=x#top',
      'https://facebook.com/groups/palopo/posts/99',
    ],
    ['https://fb.com/groups/palopo/posts/99', 'https://facebook.com/groups/palopo/posts/99'],
    [
      'https://twitter.com/AkunPalopo/status/1850000000000000001?s=20&t=abc',
      'https://x.com/akunpalopo/status/1850000000000000001',
    ],
    ['x.com/akunpalopo/status/1850000000000000001', 'https://x.com/akunpalopo/status/1850000000000000001'],
    ['https://youtu.be/dQw4w9WgXcQ?si=share', 'https://youtube.com/watch?v=dQw4w9WgXcQ'],
    ['https://www.youtube.com/shorts/dQw4w9WgXcQ', 'https://youtube.com/watch?v=dQw4w9WgXcQ'],
    [
      'https://m.youtube.com/watch?v=dQw4w9WgXcQ&feature=share&list=abc',
      'https://youtube.com/watch?v=dQw4w9WgXcQ',
    ],
    ['https://www.instagram.com/reel/C9abc/?igsh=MWQ', 'https://instagram.com/p/C9abc'],
    ['https://instagram.com/Info.Palopo/p/C9abc/', 'https://instagram.com/p/C9abc'],
    [
      'https://www.tiktok.com/@info.palopo/video/7430000000000000000?is_from_webapp=1&sender_device=pc',
      'https://tiktok.com/@info.palopo/video/7430000000000000000',
    ],
    [
      'HTTPS://Berita-Palopo.ID/2024/11/hoaks?b=2&a=1&utm_source=wa',
      'https://berita-palopo.id/2024/11/hoaks?a=1&b=2',
    ],
  ])('%s → %s', (raw, expected) => {
    const result = normaliseUrl(raw);
    expect(result.ok && result.url).toBe(expected);
  });

  it('keeps apart what only looks alike: a post id is case-sensitive, a short link is its own address', () => {
    const a = normaliseUrl('https://instagram.com/p/C9abc');
    const b = normaliseUrl('https://instagram.com/p/C9ABC');
    expect(a.ok && b.ok && a.url !== b.url).toBe(true);
    const short = normaliseUrl('https://vt.tiktok.com/ZSabc123/');
    expect(short).toEqual({ ok: true, platform: 'tiktok', url: 'https://vt.tiktok.com/ZSabc123' });
  });

  it('names the platform from the host', () => {
    const platformOf = (u: string) => {
      const r = normaliseUrl(u);
      return r.ok ? r.platform : null;
    };
    expect(platformOf('https://t.me/infopalopo/12')).toBe('telegram');
    expect(platformOf('https://chat.whatsapp.com/AbC')).toBe('whatsapp');
    expect(platformOf('https://twitter.com/a/status/1')).toBe('x');
    expect(platformOf('https://berita.id/a')).toBe('lainnya');
  });

  it.each([
    ['', 'kosong'],
    ['   ', 'kosong'],
    ['javascript:alert(1)', 'bukan alamat web'],
    ['ftp://files.example.id/a', 'harus alamat http atau https'],
    ['https://localhost/a', 'nama situs tidak lengkap'],
    ['http://', 'bukan alamat web'],
  ])('refuses %j (%s)', (raw, reason) => {
    expect(normaliseUrl(raw)).toEqual({ ok: false, reason });
  });
});
