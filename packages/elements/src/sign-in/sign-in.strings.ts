import type { StringTable } from '../internal/i18n.js';

/** The Vietnamese strings (the default); their keys are the string keys. */
const signInStringsVi = {
  title: 'Đăng nhập cán bộ',
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
  submit: 'Đăng nhập',
  sending: 'Đang đăng nhập…',
  checking: 'Đang kiểm tra phiên đăng nhập…',
  signedInAs: 'Đã đăng nhập: {name}',
  signOut: 'Đăng xuất',
  signedOut: 'Đã đăng xuất.',
  missing: 'Vui lòng nhập tên đăng nhập và mật khẩu.',
  failed: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  throttled: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {seconds} giây.',
  network: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
  server: 'Máy chủ chưa xử lý được yêu cầu (mã {status}). Vui lòng thử lại.',
};

/**
 * The keys of the sign-in's strings.
 *
 * @useDeclaredType
 */
export type SignInStringKey = keyof typeof signInStringsVi;

/** The sign-in's strings in Vietnamese and English; `{seconds}` and `{name}` are filled in. */
export const signInStrings: StringTable<SignInStringKey> = {
  vi: signInStringsVi,
  en: {
    title: 'Staff sign-in',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    sending: 'Signing in…',
    checking: 'Checking the sign-in…',
    signedInAs: 'Signed in: {name}',
    signOut: 'Sign out',
    signedOut: 'Signed out.',
    missing: 'Enter the username and the password.',
    failed: 'The username or the password is wrong.',
    throttled: 'Too many failed sign-ins. Try again in {seconds} seconds.',
    network: 'The server cannot be reached. Check the network and try again.',
    server: 'The server could not handle the request (code {status}). Please try again.',
  },
};
