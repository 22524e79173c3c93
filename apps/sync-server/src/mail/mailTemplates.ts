/**
 * The French messages Canevas sends, each as plain text and as HTML. The HTML is one centred
 * table with inline styles and a plain link under the button: what common mail clients (Outlook's
 * Word engine included) render, and readable when images and styles are off.
 */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

function layout(options: { title: string; paragraphs: string[]; action: { label: string; url: string }; footer: string }): string {
  const paragraphs = options.paragraphs.map((paragraph) => `<p style="margin:0 0 16px 0;font-size:16px;line-height:24px;">${escapeHtml(paragraph)}</p>`).join('\n');
  const url = escapeHtml(options.action.url);
  return `<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(options.title)}</title></head>
<body style="margin:0;padding:0;background:#f4f4f7;font-family:Arial,Helvetica,sans-serif;color:#1e1e1e;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f4f7;"><tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border-radius:4px;">
<tr><td style="padding:24px 32px 8px 32px;font-size:14px;font-weight:bold;color:#000091;">Canevas</td></tr>
<tr><td style="padding:8px 32px 0 32px;">
<h1 style="margin:0 0 16px 0;font-size:22px;line-height:28px;">${escapeHtml(options.title)}</h1>
${paragraphs}
<table role="presentation" cellpadding="0" cellspacing="0" style="margin:8px 0 24px 0;"><tr><td style="background:#000091;border-radius:4px;">
<a href="${url}" style="display:inline-block;padding:12px 24px;font-size:16px;color:#ffffff;text-decoration:none;font-weight:bold;">${escapeHtml(options.action.label)}</a>
</td></tr></table>
<p style="margin:0 0 16px 0;font-size:14px;line-height:20px;color:#555555;">Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :<br><a href="${url}" style="color:#000091;word-break:break-all;">${url}</a></p>
</td></tr>
<tr><td style="padding:16px 32px 24px 32px;font-size:12px;line-height:18px;color:#666666;border-top:1px solid #e5e5e5;">${escapeHtml(options.footer)}</td></tr>
</table></td></tr></table>
</body>
</html>`;
}

function text(paragraphs: string[], action: { label: string; url: string }, footer: string): string {
  return `${paragraphs.join('\n\n')}\n\n${action.label} :\n${action.url}\n\n-- \n${footer}\n`;
}

export function passwordResetMail(input: { name: string; link: string }): RenderedMail {
  const title = 'Réinitialisez votre mot de passe';
  const paragraphs = [
    `Bonjour ${input.name},`,
    'Une réinitialisation du mot de passe de votre compte Canevas a été demandée. Ce lien est valable une heure et ne sert qu’une fois.',
  ];
  const action = { label: 'Choisir un nouveau mot de passe', url: input.link };
  const footer = 'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.';
  return { subject: 'Canevas : réinitialisation de votre mot de passe', text: text(paragraphs, action, footer), html: layout({ title, paragraphs, action, footer }) };
}

export function invitationMail(input: { inviterName: string; workspaceName: string; roleLabel: string; link: string; expiresAt: number }): RenderedMail {
  const title = `Invitation à rejoindre « ${input.workspaceName} »`;
  const until = new Date(input.expiresAt).toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });
  const paragraphs = [
    'Bonjour,',
    `${input.inviterName} vous invite à rejoindre l’espace de travail « ${input.workspaceName} » sur Canevas, en tant que ${input.roleLabel.toLowerCase()}.`,
    `Cette invitation est valable jusqu’au ${until}.`,
  ];
  const action = { label: 'Rejoindre l’espace de travail', url: input.link };
  const footer = 'Vous recevez ce message parce que quelqu’un a saisi votre adresse dans Canevas. Si vous ne connaissez pas cette personne, ignorez-le.';
  return { subject: `Canevas : ${input.inviterName} vous invite dans « ${input.workspaceName} »`, text: text(paragraphs, action, footer), html: layout({ title, paragraphs, action, footer }) };
}
