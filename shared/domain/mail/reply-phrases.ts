/**
 * The phrases a client's reply is read with, in es-MX and English. Every pattern runs on normalized
 * text: lower case, accents removed, quotes dropped, spaces collapsed ("Ya quedó" -> "ya quedo").
 * Clause patterns run on one clause (text between , ; . ! and line ends); body patterns on the whole
 * text the client wrote.
 */

/** A clause that answers "no" to a resolution: the problem is still there. */
export const REJECT_PHRASES: RegExp[] = [
  /\bnot (resolved|solved|fixed|working)\b/,
  /\b(isn'?t|is not|wasn'?t|was not|hasn'?t been|has not been|haven'?t been) (resolved|solved|fixed)\b/,
  /\bstill (fails|failing|broken|not|doesn'?t|does not|happening|getting|seeing|the same|down|can'?t|cannot)\b/,
  /\b(doesn'?t|does not|didn'?t|did not|won'?t|will not) work\b/,
  /\b(same|the) (error|problem|issue) (is )?(again|still|persists|came back|is back)\b/,
  /\b(error|problem|issue) (is back|came back|persists|returned)\b/,
  /\bsame (error|problem|issue)\b/,
  /\b(i |we )?(do not|don'?t|cannot|can'?t) confirm\b/,
  /\b(please )?re-?open\b/,
  /^no$/,
  /\bno (esta |quedo |ha quedado |fue |se ha |ha sido )?(resuelto|solucionado|arreglado|corregido)\b/,
  /\bno se (resolvio|soluciono|arreglo|corrigio|ha resuelto|ha solucionado)\b/,
  /\bno (ha )?quedo\b/,
  /\bno ha quedado\b/,
  /\bsigue (fallando|sin|igual|el problema|el error|la falla|marcando|saliendo|apareciendo|mostrando|pasando|caido)\b/,
  /\b(todavia|aun) no (funciona|jala|sirve|queda|quedo|se resuelve|puedo|podemos|abre|entra)\b/,
  /\bno (funciona|jala|sirve|abre|entra|carga|sincroniza)\b/,
  /\b(persiste|continua) (el|la) (error|problema|falla)\b/,
  /\bel (error|problema) (persiste|continua|regreso|volvio)\b/,
  /\b(el )?mismo (error|problema)\b/,
  /\b(vuelve|volvio) a (fallar|salir|aparecer|pasar|marcar)\b/,
  /\bno (lo )?confirm(o|amos)\b/,
  /\breabr(an|ir|ir el ticket|ase)\b/,
];

/** A clause that says no to a request (a budget extension), or rejects outright. Runs from the clause start. */
export const REFUSE_PHRASES: RegExp[] = [
  /^(i |we )?(refuse|refused|decline|declined|reject|rejected)\b/,
  /^(i |we )?(do not|don'?t) (approve|authorize|authorise)\b/,
  /^not (approved|authorized|authorised)\b/,
  /^(rechazo|rechazado|rechazamos|rechazada)\b/,
  /^no (autorizo|autorizamos|apruebo|aprobamos|aprobado|autorizado|se autoriza|se aprueba)\b/,
];

/** A clause that approves a request (a budget extension). Runs from the clause start. */
export const APPROVE_PHRASES: RegExp[] = [
  /^((si|yes|ok|okay|de acuerdo),? )?(i |we )?(approve|approved|authorize|authorized|authorise|authorised)\b/,
  /^you have (my|our) (approval|authorization)\b/,
  /^((si|ok|de acuerdo),? )?(autorizo|autorizado|autorizada|autorizamos|apruebo|aprobado|aprobada|aprobamos)\b/,
  /^((si|ok),? )?(queda|esta) (autorizad[oa]|aprobad[oa])\b/,
  /^(tienen|cuentan con) (mi|nuestra) (autorizacion|aprobacion)\b/,
];

/** A clause that confirms the resolution. */
export const CONFIRM_PHRASES: RegExp[] = [
  /^(confirmed|confirmado)$/,
  // Confirming the solution, not a meeting: "confirmo la reunión del jueves" is not a yes.
  /^(i |we )?(can )?confirm(ed)?\b(?! (the )?(meeting|call|session|appointment|visit|date|time|attendance))/,
  /^(yo )?(lo |le |les )?(confirmo|confirmamos|confirmado)\b(?! (la|el|los|las|mi|nuestra) (cita|reunion|sesion|llamada|junta|visita|horario|fecha|asistencia))/,
  // "ya quedó" ends the clause or says how it was left: "ya quedó el reporte, se lo adjunto" is not a yes.
  /\b(ya )?(quedo|ha quedado)( (todo|bien|resuelto|solucionado|listo|arreglado|funcionando|perfecto|corregido))*( bien)?$/,
  /\bya (funciona|jala|sirve|abre|entra|carga|sincroniza|timbra|imprime|puedo|podemos|pude|pudimos|me deja|nos deja|se ve)\b/,
  /\bfunciona (bien|correctamente|perfecto|perfectamente|de maravilla|sin problema|ok)\b/,
  /^(funciona|funcionando|resuelto|solucionado|arreglado|corregido)$/,
  /\b(esta|quedo) (resuelto|solucionado|arreglado|corregido|funcionando)\b/,
  /\btodo (bien|ok|en orden|correcto|funcionando|perfecto|funciona|resuelto|quedo)\b/,
  /\b(pueden|puede|ya pueden|ya puede|favor de|pueden proceder a) cerrar\b/,
  /\b(it'?s|it is|its|everything'?s|everything is|all is|is|now|are|all) (working|fixed|resolved|solved|sorted|good)\b/,
  /\b(works|working) (now|fine|again|great|perfectly|correctly|well)\b/,
  /^(works|working|fixed|resolved|solved|sorted)( now| again| on our (side|end)| for us| for me)?$/,
  /\b(all good|looks good|all set|good to go|problem solved|issue resolved|issue fixed)\b/,
  /\b(you can|feel free to|please) close\b/,
  /\b(i|we) can (log in|sign in|access|open|send|print) (now|again)\b/,
];

/** A bare yes: it answers whichever question is pending ("Sí" / "Sí, autorizo" / "Yes, fixed"). */
export const YES_CLAUSE = /^(si|yes|yep|yeah|correcto|afirmativo|exacto|claro)$/;

/** Clauses that add nothing: thanks, courtesy, a name after them. A bare yes counts only among these ("Sí, gracias Luis"). */
export const NEUTRAL_CLAUSE =
  /^(muchas |mil )?(gracias|thanks|thank you|many thanks|thanks a lot|ok|okay|vale|perfecto|perfect|excelente|excellent|great|genial|listo|de acuerdo|saludos|regards|cheers)( [a-z]+){0,2}$/;

/** Words that make a yes conditional or partial: "it works, but ...", "más o menos". */
export const HEDGE_WORDS =
  /\b(but|however|except|although|though|partially|partly|mostly|sort of|kind of|seems|i think|maybe|perhaps|for now|sometimes|intermittent(ly)?|not sure|still|pero|sin embargo|excepto|salvo|aunque|a medias|mas o menos|medio|parcialmente|en parte|al parecer|parece que|creo que|supongo|tal vez|quizas?|por ahora|de momento|por el momento|a veces|intermitente|no estoy segur[oa]|todavia|aun)\b/;

/** The client will answer later: "lo reviso y les confirmo", "I'll check and let you know". */
export const DEFER_WORDS =
  /\b((les|le|te|se los|se lo) (confirmo|aviso|comento|confirmamos|avisamos)(?! que)|lo (reviso|reviso y|pruebo|probamos|revisamos|voy a)|voy a (probar|revisar)|vamos a (probar|revisar)|en cuanto|mas tarde|manana|i'?ll (check|test|confirm|let you know|try)|i will (check|test|confirm|try)|will (confirm|let you know)|let (me|us) (check|test|try)|let you know|later|tomorrow)\b/;

/** An acknowledgement of receipt is not a confirmation: "confirmo de recibido", "received, thanks". */
export const RECEIPT_WORDS =
  /\b(de recibido|recibido|recibi|recibimos|acuse de recibo|received|receipt|got it|noted|enterad[oa])\b/;

/** Any negation: a yes never contains one ("ya funciona, no se preocupe" is left to a person). */
export const NEGATION_WORDS = /(\b(no|not|nunca|never|ni|tampoco|nada|nothing|nadie|nobody|sin exito)\b|n't\b)/;

/** Lines that open a reply and say nothing ("Hola Luis,", "Buenas tardes:", "Hi team,"). */
export const GREETING_LINE =
  /^(hola|hello|hi|hey|buen dia|buenos dias|buenas tardes|buenas noches|buenas|good morning|good afternoon|good evening|estimad[oa]s?|dear|que tal)\b[^.!?]{0,40}[,:!.]?$/;

/** Lines that close a reply: what follows is a signature. */
export const CLOSING_LINE =
  /^(saludos( cordiales)?|un saludo|atentamente|cordialmente|quedo (atent[oa]|a (sus|tus) ordenes)[^.]*|regards|best( regards)?|kind regards|cheers|thanks|thank you|gracias|muchas gracias|mil gracias|many thanks)[,.!]*$/;
