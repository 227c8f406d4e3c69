// English words of the session namespace (see catalogue.ts): signing in and out, who is signed
// in (the user menu, roles), and the core's answers to a sign-in.
export const session = {
  role: {
    agent: 'Agent',
    supervisor: 'Supervisor',
    unknown: 'Unknown role',
  },
  demo: {
    chip: 'Demo data',
    hint: 'This console shows the built-in demo world, not real deliveries',
  },
  notSaved: {
    chip: 'Sign-in not saved',
    label: 'Sign-in not saved. {{why}}',
  },
  signIn: {
    title: 'Sign in',
    intro: 'Use your delivery service account.',
    userName: 'User name',
    password: 'Password',
    showPassword: 'Show password',
    hidePassword: 'Hide password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    incomplete: 'Sign-in did not complete. Please try again.',
    demoAccounts: 'Demo accounts',
    demoAccountsHint: 'Choose one to fill in its user name and password.',
    use: 'Use',
    useDemoAccount: 'Use demo account {{username}} ({{role}})',
    demoService: 'Connected to the built-in demo delivery service.',
    service: 'Delivery service: <0>{{url}}</0>',
    enterUserName: 'Enter your user name',
    enterPassword: 'Enter your password',
    badCredentials: 'The user name or password is not right.',
    offline:
      'The delivery service cannot be reached, so you cannot sign in right now. Check the network and try again.',
    busy: 'The delivery service asked us to wait until {{time}}. Please sign in after that.',
    failed: 'Sign-in failed: {{reason}}',
  },
  userMenu: {
    signOut: 'Sign out…',
    roleAndId: '{{role}} · <0>{{id}}</0>',
  },
  signOut: {
    title: 'Sign out of Porchlight?',
    removed: 'Your sign-in is removed from this computer.',
    yourUnsent_one:
      '{{count, number}} change you made here has not reached the delivery service yet. Unless you erase the local data, it stays on this computer and is sent the next time you sign in here.',
    yourUnsent_other:
      '{{count, number}} changes you made here have not reached the delivery service yet. Unless you erase the local data, they stay on this computer and are sent the next time you sign in here.',
    otherWaits: "{{name}}'s unsent work also waits here for {{firstName}} to sign in.",
    othersWait: 'Unsent work of {{names}} also waits here for each of them to sign in.',
    erase: 'Also erase the local data from this computer',
    eraseHint:
      'Deliveries, photos, thumbnails, map tiles and cases kept here are deleted. Your settings and the audit log of photo views and exports stay. Everything is downloaded again at the next sign-in.',
    caseChanges_one: '{{count, number}} case change',
    caseChanges_other: '{{count, number}} case changes',
    photoViews_one: '{{count, number}} photo-view record',
    photoViews_other: '{{count, number}} photo-view records',
    mineLost_one:
      '{{count, number}} change made here ({{kinds}}) has not reached the delivery service. Erasing deletes it for good.',
    mineLost_other:
      '{{count, number}} changes made here ({{kinds}}) have not reached the delivery service. Erasing deletes them for good.',
    deleteMine: 'Delete my unsent changes too',
    personsWork_one: "{{name}}'s {{count, number}} unsent change ({{kinds}})",
    personsWork_other: "{{name}}'s {{count, number}} unsent changes ({{kinds}})",
    othersOnlySupervisor_one:
      '{{work}} has not reached the delivery service. Only a supervisor can erase someone else’s unsent work: sign out without erasing, and it is sent when they sign in here again.',
    othersOnlySupervisor_other:
      '{{work}} have not reached the delivery service. Only a supervisor can erase someone else’s unsent work: sign out without erasing, and it is sent when they sign in here again.',
    othersLost_one:
      '{{work}} has not reached the delivery service. Erasing deletes it for good, and the audit log records that you did.',
    othersLost_other:
      '{{work}} have not reached the delivery service. Erasing deletes it for good, and the audit log records that you did.',
    deleteOthers: "Delete {{name}}'s unsent work",
    stay: 'Stay signed in',
    signOut: 'Sign out',
    signOutAndErase: 'Sign out and erase',
    signingOut: 'Signing out…',
    erasing: 'Erasing…',
  },
} as const
