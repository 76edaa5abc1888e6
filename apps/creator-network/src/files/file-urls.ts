/** The URL a stored file is served at (by the gateway, to whoever may see it). */
export const fileUrl = (key: string) => `/v1/files/${key}`;

/**
 * A stored URL as clients see it: photos stored before files were served kept `/photos/<key>`,
 * which nothing answers; they are shown as `/v1/files/<key>`, which does.
 */
export const publicFileUrl = (url: string) =>
  url.startsWith('/photos/') ? fileUrl(url.slice('/photos/'.length)) : url;
