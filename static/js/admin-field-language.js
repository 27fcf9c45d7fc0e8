// Names the language of every field in a German or English column of the
// treatment page's edit form (treatments/english/layout.py, which names it for
// the column's own label). Wagtail renders the fields of StreamField blocks in
// the browser, without a language, and again for every block added later: each
// field's label gets a visually hidden " (Deutsch)" / " (Englisch)", a field
// without a label an aria-label from its block, and text the column's `lang`.
(() => {
  const FIELDS =
    'input:not([type="hidden"]), textarea, select, [contenteditable="true"]';
  const TEXT = 'input[type="text"], input:not([type]), textarea, [contenteditable="true"]';

  const addSuffix = (label, column) => {
    if (label.querySelector("[data-field-language-suffix]")) return;
    const suffix = document.createElement("span");
    suffix.className = "w-sr-only";
    suffix.dataset.fieldLanguageSuffix = "";
    suffix.textContent = ` (${column.dataset.fieldLanguageName})`;
    label.append(suffix);
  };

  // A rich text editor's label belongs to the hidden input that holds its value.
  const labelsOf = (field) => {
    if (field.labels && field.labels.length) return [...field.labels];
    const holder = field
      .closest("[data-field-input]")
      ?.querySelector('input[type="hidden"][id]');
    if (!holder) return [];
    const labels = [...document.querySelectorAll(`label[for="${CSS.escape(holder.id)}"]`)];
    if (labels.length) {
      labels.forEach((label) => {
        label.id ||= `${holder.id}-label`;
      });
      field.setAttribute("aria-labelledby", labels.map((label) => label.id).join(" "));
    }
    return labels;
  };

  // A field without a label (a list item, a paragraph block): the type of its
  // block after that of the block or list holding it, e.g. "Steps: Item".
  const blockName = (field) => {
    const block = field.closest("section.w-panel");
    const type = block?.querySelector(":scope > .w-panel__header .c-sf-block__type");
    const holder = block?.parentElement?.closest(
      "section.w-panel, [data-contentpath]:has(> label.w-field__label)",
    );
    const holderName = holder?.matches("section.w-panel")
      ? holder.querySelector(":scope > .w-panel__header .c-sf-block__type")
      : holder?.querySelector(":scope > label.w-field__label");
    return [holderName, type]
      .filter((element) => element && element.closest("[data-field-language]"))
      .map((element) => element.textContent.trim())
      .join(": ");
  };

  const nameField = (field, column) => {
    if (field.matches(TEXT)) field.lang = column.dataset.fieldLanguage;
    const labels = labelsOf(field);
    if (labels.length) {
      labels.forEach((label) => addSuffix(label, column));
    } else if (!field.hasAttribute("aria-label")) {
      const name = blockName(field);
      if (name) {
        field.setAttribute("aria-label", `${name} (${column.dataset.fieldLanguageName})`);
      }
    }
  };

  const nameAll = () => {
    document.querySelectorAll("[data-field-language]").forEach((column) => {
      column.querySelectorAll(FIELDS).forEach((field) => nameField(field, column));
    });
  };

  let scheduled = false;
  // Typing in a rich text editor changes its content, not the fields: ignored.
  const observer = new MutationObserver((records) => {
    if (scheduled || records.every((record) => record.target.closest?.("[contenteditable]"))) {
      return;
    }
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      nameAll();
    });
  });

  const start = () => {
    nameAll();
    const form = document.querySelector("form[data-edit-form]") || document.body;
    observer.observe(form, { childList: true, subtree: true });
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
