// Spanish words of the session namespace (see en/session.ts).
import type { Translation } from '../translation.ts'
import type { session as english } from '../en/session.ts'

export const session = {
  role: {
    agent: 'Agente',
    supervisor: 'Supervisor',
    unknown: 'Rol desconocido',
  },
  demo: {
    chip: 'Datos de demostración',
    hint: 'Esta consola muestra el mundo de demostración integrado, no entregas reales',
  },
  notSaved: {
    chip: 'Inicio de sesión no guardado',
    label: 'Inicio de sesión no guardado. {{why}}',
  },
  signIn: {
    title: 'Iniciar sesión',
    intro: 'Use su cuenta del servicio de entregas.',
    userName: 'Nombre de usuario',
    password: 'Contraseña',
    showPassword: 'Mostrar la contraseña',
    hidePassword: 'Ocultar la contraseña',
    submit: 'Iniciar sesión',
    submitting: 'Iniciando sesión…',
    incomplete: 'El inicio de sesión no se completó. Inténtelo de nuevo.',
    demoAccounts: 'Cuentas de demostración',
    demoAccountsHint: 'Elija una para rellenar su nombre de usuario y su contraseña.',
    use: 'Usar',
    useDemoAccount: 'Usar la cuenta de demostración {{username}} ({{role}})',
    demoService: 'Conectado al servicio de entregas de demostración integrado.',
    service: 'Servicio de entregas: <0>{{url}}</0>',
    enterUserName: 'Escriba su nombre de usuario',
    enterPassword: 'Escriba su contraseña',
    badCredentials: 'El nombre de usuario o la contraseña no son correctos.',
    offline:
      'No se puede contactar con el servicio de entregas, así que ahora no puede iniciar sesión. Compruebe la red y vuelva a intentarlo.',
    busy: 'El servicio de entregas nos pidió esperar hasta las {{time}}. Inicie sesión después, por favor.',
    failed: 'No se pudo iniciar sesión: {{reason}}',
  },
  userMenu: {
    signOut: 'Cerrar sesión…',
    roleAndId: '{{role}} · <0>{{id}}</0>',
  },
  signOut: {
    title: '¿Cerrar sesión en Porchlight?',
    removed: 'Su inicio de sesión se quita de este equipo.',
    yourUnsent_one:
      '{{count, number}} cambio que hizo aquí aún no ha llegado al servicio de entregas. Salvo que borre los datos locales, se queda en este equipo y se envía la próxima vez que inicie sesión aquí.',
    yourUnsent_other:
      '{{count, number}} cambios que hizo aquí aún no han llegado al servicio de entregas. Salvo que borre los datos locales, se quedan en este equipo y se envían la próxima vez que inicie sesión aquí.',
    otherWaits:
      'El trabajo sin enviar de {{name}} también espera aquí a que {{firstName}} inicie sesión.',
    othersWait:
      'El trabajo sin enviar de {{names}} también espera aquí a que cada uno inicie sesión.',
    erase: 'Borrar también los datos locales de este equipo',
    eraseHint:
      'Se eliminan las entregas, fotos, miniaturas, teselas de mapa y casos guardados aquí. Sus ajustes y el registro de auditoría de fotos vistas y exportaciones se conservan. Todo se vuelve a descargar en el próximo inicio de sesión.',
    caseChanges_one: '{{count, number}} cambio de caso',
    caseChanges_other: '{{count, number}} cambios de casos',
    photoViews_one: '{{count, number}} registro de foto vista',
    photoViews_other: '{{count, number}} registros de fotos vistas',
    mineLost_one:
      '{{count, number}} cambio hecho aquí ({{kinds}}) no ha llegado al servicio de entregas. Al borrar, se elimina para siempre.',
    mineLost_other:
      '{{count, number}} cambios hechos aquí ({{kinds}}) no han llegado al servicio de entregas. Al borrar, se eliminan para siempre.',
    deleteMine: 'Eliminar también mis cambios sin enviar',
    personsWork_one: '{{count, number}} cambio sin enviar de {{name}} ({{kinds}})',
    personsWork_other: '{{count, number}} cambios sin enviar de {{name}} ({{kinds}})',
    othersOnlySupervisor_one:
      '{{work}} no ha llegado al servicio de entregas. Solo un supervisor puede borrar el trabajo sin enviar de otra persona: cierre sesión sin borrar, y se enviará cuando esa persona vuelva a iniciar sesión aquí.',
    othersOnlySupervisor_other:
      '{{work}} no han llegado al servicio de entregas. Solo un supervisor puede borrar el trabajo sin enviar de otra persona: cierre sesión sin borrar, y se enviarán cuando esas personas vuelvan a iniciar sesión aquí.',
    othersLost_one:
      '{{work}} no ha llegado al servicio de entregas. Al borrar, se elimina para siempre, y el registro de auditoría anota que lo hizo usted.',
    othersLost_other:
      '{{work}} no han llegado al servicio de entregas. Al borrar, se eliminan para siempre, y el registro de auditoría anota que lo hizo usted.',
    deleteOthers: 'Eliminar el trabajo sin enviar de {{name}}',
    stay: 'Seguir con la sesión iniciada',
    signOut: 'Cerrar sesión',
    signOutAndErase: 'Cerrar sesión y borrar',
    signingOut: 'Cerrando sesión…',
    erasing: 'Borrando…',
  },
} as const satisfies Translation<typeof english>
