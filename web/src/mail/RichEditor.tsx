/** The body editor: plain text (a textarea) or rich text (contenteditable with a small
 * toolbar); the rich markup is sanitised before it leaves (sanitize.ts). */
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

const COMMANDS = [
  ["bold", "compose.bold"], ["italic", "compose.italic"], ["underline", "compose.underline"],
  ["insertUnorderedList", "compose.bullets"], ["insertOrderedList", "compose.numbers"],
] as const;

export function RichEditor({ rich, text, html, onText, onHtml, autoFocus }: {
  rich: boolean; text: string; html: string; onText: (v: string) => void; onHtml: (v: string) => void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // only when switching to rich or loading a draft: typing must not reset the caret
    if (rich && box.current && box.current.innerHTML !== html) box.current.innerHTML = html;
  }, [rich]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!rich) {
    return (
      <label className="editor">
        <span className="sr-only">{t("mail.body")}</span>
        <textarea
          rows={14} value={text} onChange={(e) => onText(e.target.value)} aria-label={t("mail.body")}
          autoFocus={autoFocus}
          // a reply starts typing above the quoted message
          onFocus={(e) => { if (autoFocus) e.currentTarget.setSelectionRange(0, 0); }}
        />
      </label>
    );
  }
  const run = (command: string, value?: string) => {
    box.current?.focus();
    document.execCommand(command, false, value);
    onHtml(box.current?.innerHTML ?? "");
  };
  return (
    <div className="editor rich">
      <div role="toolbar" aria-label={t("compose.formatting")}>
        {COMMANDS.map(([command, label]) => (
          <button key={command} type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => run(command)}>{t(label)}</button>
        ))}
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => {
          const url = window.prompt(t("compose.linkPrompt"));
          if (url && /^(https?:|mailto:)/i.test(url)) run("createLink", url);
        }}>{t("compose.link")}</button>
      </div>
      <div
        ref={box} className="rich-body" contentEditable role="textbox" aria-multiline="true"
        aria-label={t("mail.body")} data-testid="rich-body" suppressContentEditableWarning
        onInput={() => onHtml(box.current?.innerHTML ?? "")}
      />
    </div>
  );
}
