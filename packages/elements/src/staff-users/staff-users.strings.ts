import type { StringTable } from '../internal/i18n.js';

/** The Vietnamese strings (the default); their keys are the string keys. */
const staffUsersStringsVi = {
  title: 'Tài khoản cán bộ',
  loading: 'Đang tải danh sách tài khoản…',
  signIn: 'Vui lòng đăng nhập bằng tài khoản quản trị để quản lý tài khoản.',
  forbidden: 'Tài khoản này không phải quản trị viên của cơ quan.',
  failed: 'Không thực hiện được. Vui lòng thử lại.',
  newUser: 'Thêm tài khoản',
  username: 'Tên đăng nhập',
  displayName: 'Họ và tên',
  password: 'Mật khẩu',
  passwordHint: 'Ít nhất 10 ký tự; nên dùng một câu dễ nhớ. Người dùng nên đổi sau lần đăng nhập đầu.',
  roles: 'Vai trò',
  'role-officer': 'Cán bộ tại quầy',
  'role-leader': 'Lãnh đạo (xem báo cáo)',
  'role-admin': 'Quản trị',
  create: 'Tạo tài khoản',
  created: 'Đã tạo tài khoản {username}.',
  users: 'Các tài khoản',
  noUsers: 'Chưa có tài khoản nào.',
  active: 'Đang hoạt động',
  disabled: 'Đã khóa',
  disable: 'Khóa tài khoản',
  enable: 'Mở khóa',
  disabledDone: 'Đã khóa tài khoản {username}; các phiên đăng nhập của người này đã kết thúc.',
  enabledDone: 'Đã mở khóa tài khoản {username}.',
  saveRoles: 'Lưu vai trò',
  rolesSaved: 'Đã lưu vai trò của {username}.',
  newPassword: 'Mật khẩu mới',
  setPassword: 'Đặt mật khẩu mới',
  passwordSet: 'Đã đặt mật khẩu mới cho {username}; các phiên đăng nhập của người này đã kết thúc.',
};

/**
 * The keys of the staff accounts screen's strings.
 *
 * @useDeclaredType
 */
export type StaffUsersStringKey = keyof typeof staffUsersStringsVi;

/** The staff accounts screen's strings in Vietnamese and English. */
export const staffUsersStrings: StringTable<StaffUsersStringKey> = {
  vi: staffUsersStringsVi,
  en: {
    title: 'Staff accounts',
    loading: 'Loading the accounts…',
    signIn: 'Please sign in with an admin account to manage the accounts.',
    forbidden: 'This account is not an admin of the office.',
    failed: 'That did not work. Please try again.',
    newUser: 'Add an account',
    username: 'Username',
    displayName: 'Full name',
    password: 'Password',
    passwordHint: 'At least 10 characters; a sentence is easy to remember. Change it after the first sign-in.',
    roles: 'Roles',
    'role-officer': 'Counter officer',
    'role-leader': 'Leader (reads the reports)',
    'role-admin': 'Admin',
    create: 'Create the account',
    created: 'The account {username} was created.',
    users: 'Accounts',
    noUsers: 'No account yet.',
    active: 'Active',
    disabled: 'Disabled',
    disable: 'Disable the account',
    enable: 'Enable',
    disabledDone: 'The account {username} is disabled; their sessions have ended.',
    enabledDone: 'The account {username} is enabled again.',
    saveRoles: 'Save the roles',
    rolesSaved: 'The roles of {username} were saved.',
    newPassword: 'New password',
    setPassword: 'Set the new password',
    passwordSet: 'A new password was set for {username}; their sessions have ended.',
  },
};
