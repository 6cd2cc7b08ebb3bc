export declare const PERMISSIONS_POLICY: string;
export declare const HSTS: string;
export declare const STATIC_SECURITY_HEADERS: Readonly<Record<'X-Content-Type-Options' | 'Referrer-Policy' | 'Permissions-Policy' | 'X-Frame-Options' | 'Cross-Origin-Opener-Policy', string>>;
export declare const FORWARDED_HTTPS: string;
export interface TApiHeaderRule {
  source: string;
  has?: { type: 'header'; key: string; value: string }[];
  headers: { key: string; value: string }[];
}
export declare function apiHeaderRules(options: { production: boolean }): TApiHeaderRule[];
