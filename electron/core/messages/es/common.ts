// Spanish: words shared by every screen and every export (see en/common.ts).
import type { Translation } from '../translation.ts'
import type { common as english } from '../en/common.ts'

export const common = {
  action: {
    cancel: 'Cancelar',
    close: 'Cerrar',
    save: 'Guardar',
    saving: 'Guardando…',
    retry: 'Reintentar',
    copy: 'Copiar',
    copied: 'Copiado',
    loading: 'Cargando…',
    dismiss: 'Descartar',
  },
  caseStatus: {
    open: 'Abierto',
    investigating: 'En investigación',
    awaiting_customer: 'Esperando al cliente',
    resolved: 'Resuelto',
  },
  caseReason: {
    not_received: 'No recibido',
    wrong_location: 'Lugar equivocado',
    damaged: 'Dañado',
    photo_dispute: 'Foto impugnada',
    other: 'Otro',
  },
  caseReasonHint: {
    not_received: 'El cliente dice que el paquete nunca llegó.',
    wrong_location:
      'Se dejó en una dirección equivocada, o en un lugar donde el cliente no lo encuentra.',
    damaged: 'Llegó, pero dañado.',
    photo_dispute: 'El cliente dice que la foto no muestra su puerta o su paquete.',
    other: 'Otra cosa; explíquela en la nota.',
  },
  resolution: {
    refund_issued: 'Reembolso emitido',
    replacement_sent: 'Reposición enviada',
    found_by_customer: 'Encontrado por el cliente',
    delivered_to_neighbor: 'Entregado a un vecino',
    carrier_claim: 'Reclamación al transportista',
    no_action: 'Sin acción',
  },
  resolutionHint: {
    refund_issued: 'Se reembolsó al cliente.',
    replacement_sent: 'Una reposición está en camino.',
    found_by_customer: 'El cliente encontró el paquete, al final.',
    delivered_to_neighbor: 'El paquete se dejó con un vecino y el cliente sabe dónde.',
    carrier_claim: 'Se presentó una reclamación al transportista.',
    no_action: 'Nada que hacer: las pruebas muestran una entrega correcta.',
  },
  dropOffSpot: {
    front_door: 'En la puerta principal',
    back_door: 'En la puerta trasera',
    porch: 'En el porche',
    garage: 'En el garaje o junto a él',
    mailroom: 'En la sala de correo',
    leasing_office: 'En la oficina de administración',
    locker: 'En un casillero de paquetes',
    neighbor: 'Con un vecino',
    other: 'En otro lugar (ver la nota del repartidor)',
    unknown: 'No registrado',
  },
  withheld: {
    customer_opted_out: 'El cliente no quiere fotos de sus entregas.',
    confidential_address: 'Es una dirección confidencial; no se guardan fotos.',
    gift_or_registry:
      'Pedido de regalo o de lista: las fotos se retienen para no arruinar la sorpresa.',
    unknown: 'Las fotos de esta entrega están retenidas.',
  },
  deliveryStatus: {
    delivered: 'Entregado',
    attempted: 'Intento de entrega',
    returned: 'Devuelto al remitente',
  },
  noteKind: {
    internal: 'Nota interna',
    customer_reply: 'Respuesta al cliente',
  },
  noteKindHint: {
    internal: 'Solo para compañeros; nunca se muestra al cliente.',
    customer_reply: 'Texto para enviar al cliente (cópielo en su correo o chat).',
  },
  timeline: {
    opened: 'Abierto: {{reason}}',
    openedWithNote: 'Abierto: {{reason}} — {{note}}',
    status: 'Estado: {{status}}',
    assigned: 'Asignado a {{name}}',
    unassigned: 'Sin asignar',
    resolved: 'Resuelto: {{resolution}}',
    resolvedWithNote: 'Resuelto: {{resolution}} — {{note}}',
    reopened: 'Reabierto',
    reopenedWithReason: 'Reabierto — {{reason}}',
  },
  sendState: {
    sent: 'Enviado',
    pending: 'Pendiente de envío',
    conflict: 'Conflicto',
    failed: 'Rechazado por el servicio de entregas',
    failedWithError: 'Rechazado: {{error}}',
    discarded: 'Descartado',
  },
  counts: {
    waitingOnYou: '{{formatted}} esperan por usted',
    decisions_one: '{{formatted}} necesita su decisión',
    decisions_other: '{{formatted}} necesitan su decisión',
  },
  away: {
    dropOff: 'Entregado lejos de la dirección',
    photo: 'Foto {{number}} tomada lejos de la dirección',
    short: '{{title}} — {{distance}}',
    beyondAccuracy: 'más allá de la precisión de {{accuracy}} de la ubicación',
    noAccuracy: 'no se registró la precisión de la ubicación',
    sentence: '{{short}} ({{accuracy}}); umbral {{threshold}}',
  },
  refusal: {
    signInFirst: 'Inicie sesión primero.',
    generic: 'Algo salió mal en Porchlight. Los detalles están en el registro.',
    invalidRequest: 'Solicitud no válida a {{call}}: {{details}}',
    supervisorOnly: {
      reports:
        'Los informes y las exportaciones son para supervisores. Pida uno a un supervisor si lo necesita.',
      cannedNotes: 'Solo un supervisor puede cambiar las notas predefinidas.',
    },
  },
  person: {
    unknown: 'Persona desconocida ({{id}})',
  },
  unit: {
    metres: '{{value}} m',
    accuracy: '±{{distance}}',
    minutes: '{{minutes}} min',
    hours: '{{hours}} h',
    hoursMinutes: '{{hours}} h {{minutes}} min',
    days: '{{days}} d',
    daysHours: '{{days}} d {{hours}} h',
    hoursDecimal: '{{value}} h',
    daysDecimal: '{{value}} d',
    underAMinute: 'menos de un minuto',
    justNow: 'ahora mismo',
  },
  time: {
    unknown: 'Hora desconocida',
    unknownRelative: 'en un momento desconocido',
    none: '—',
  },
} as const satisfies Translation<typeof english>
