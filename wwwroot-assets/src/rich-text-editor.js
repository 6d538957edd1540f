// The body editor of news and notices (Tiptap on ProseMirror). Blazor reaches it only through
// Portal.Web/Features/Content/Editing/Pages/RichTextEditorScript.cs; keep the two in step.
// The server's sanitizer stays the guard: this schema only decides what the editor can make.
import { Editor, Extension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Image from '@tiptap/extension-image';
import { TableKit } from '@tiptap/extension-table';
import { TextStyle } from '@tiptap/extension-text-style';

// Bodies that came through the content API may carry images, tables and inline styles the toolbar
// cannot make; the schema keeps them, so revising such an item in the editor does not drop them.
const KeepStyle = Extension.create({
  name: 'keepStyle',
  addGlobalAttributes() {
    return [{
      types: ['paragraph', 'heading', 'blockquote', 'listItem', 'codeBlock', 'image', 'tableCell', 'tableHeader', 'textStyle'],
      attributes: {
        style: {
          default: null,
          parseHTML: element => element.getAttribute('style') || null,
          renderHTML: attributes => (attributes.style ? { style: attributes.style } : {}),
        },
      },
    }];
  },
});

// The sanitizer's schemes; anything else typed into the link field is refused here already.
const linkSchemes = /^(https?:|mailto:|tel:|dingtalk:)/i;
const anyScheme = /^[a-z][a-z0-9+.-]*:/i;

const editors = new WeakMap();

export function create(host, toolbar, html, label, listener) {
  destroy(host);
  const editor = new Editor({
    element: host,
    content: html || '',
    injectCSS: false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [1, 2, 3, 4, 5, 6] },
        link: {
          openOnClick: false,
          // Typed addresses stay text and a link ends where it was set; a pasted address over a selection still links it.
          autolink: false,
          defaultProtocol: 'https',
          protocols: ['dingtalk'],
          HTMLAttributes: { target: null, rel: null, class: null },
        },
      }),
      Image.configure({ inline: true }),
      TableKit.configure({ table: { resizable: false } }),
      TextStyle,
      KeepStyle,
    ],
    editorProps: {
      attributes: {
        class: 'rich-text-content',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': label,
      },
    },
  });

  const state = { editor, toolbar, listener, sent: bodyOf(editor), cleanups: [] };
  editors.set(host, state);
  editor.on('update', () => send(state));
  editor.on('transaction', () => reflect(state));
  wireToolbar(state);
  reflect(state);
}

export function setContent(host, html) {
  const state = editors.get(host);
  if (!state) return;
  state.editor.commands.setContent(html || '', { emitUpdate: false });
  state.sent = bodyOf(state.editor);
}

export function destroy(host) {
  const state = editors.get(host);
  if (!state) return;
  editors.delete(host);
  state.cleanups.forEach(cleanup => cleanup());
  state.editor.destroy();
}

// An empty editor still holds one empty paragraph; the form calls that no body.
function bodyOf(editor) {
  return editor.isEmpty ? '' : editor.getHTML();
}

// Every change goes out at once, in order over the circuit; the draft's autosave debounces them.
function send(state) {
  const body = bodyOf(state.editor);
  if (body === state.sent) return;
  state.sent = body;
  state.listener.invokeMethodAsync('BodyChanged', body).catch(() => undefined);
}

const marks = { bold: 'toggleBold', italic: 'toggleItalic', underline: 'toggleUnderline', strike: 'toggleStrike' };
const lists = { bulletList: 'toggleBulletList', orderedList: 'toggleOrderedList' };
// What "remove format" takes away: character formatting, not links, which have their own button.
const formatting = ['bold', 'italic', 'underline', 'strike', 'code', 'textStyle'];

function run(state, command) {
  const chain = state.editor.chain().focus();
  if (marks[command]) return chain[marks[command]]().run();
  if (lists[command]) return chain[lists[command]]().run();
  switch (command) {
    case 'undo': return chain.undo().run();
    case 'redo': return chain.redo().run();
    case 'unlink': return chain.extendMarkRange('link').unsetLink().run();
    case 'clear': return formatting.reduce((c, mark) => c.unsetMark(mark), chain).run();
    case 'link': return openLinkForm(state);
    default: return false;
  }
}

function setBlock(state, block) {
  const { editor } = state;
  const quoted = editor.isActive('blockquote');
  if (block === 'blockquote') return quoted || editor.chain().focus().setParagraph().setBlockquote().run();
  const chain = quoted ? editor.chain().focus().unsetBlockquote() : editor.chain().focus();
  if (block === 'paragraph') return chain.setParagraph().run();
  const level = Number(block.replace('heading', ''));
  return level ? chain.setHeading({ level }).run() : false;
}

function currentBlock(editor) {
  if (editor.isActive('blockquote')) return 'blockquote';
  for (let level = 1; level <= 6; level++) {
    if (editor.isActive('heading', { level })) return `heading${level}`;
  }
  return 'paragraph';
}

function wireToolbar(state) {
  const { toolbar } = state;
  const form = toolbar.querySelector('[data-link-form]');
  const field = form.querySelector('input');

  // Keeps the editor's selection while a button is pressed: the command applies to what was selected.
  listen(state, toolbar, 'mousedown', event => {
    if (event.target.closest('button[data-command]')) event.preventDefault();
  });
  listen(state, toolbar, 'click', event => {
    const button = event.target.closest('button[data-command]');
    if (button && !button.disabled) run(state, button.dataset.command);
  });
  listen(state, toolbar.querySelector('select[data-block]'), 'change', event => setBlock(state, event.target.value));
  listen(state, form.querySelector('[data-link-apply]'), 'click', () => applyLink(state, field.value));
  listen(state, form.querySelector('[data-link-cancel]'), 'click', () => closeLinkForm(state));
  listen(state, field, 'keydown', event => {
    if (event.key === 'Enter') {
      event.preventDefault();
      applyLink(state, field.value);
    } else if (event.key === 'Escape') {
      closeLinkForm(state);
    }
  });
}

function listen(state, target, type, handler) {
  target.addEventListener(type, handler);
  state.cleanups.push(() => target.removeEventListener(type, handler));
}

function openLinkForm(state) {
  const form = state.toolbar.querySelector('[data-link-form]');
  const field = form.querySelector('input');
  field.value = state.editor.getAttributes('link').href || '';
  field.removeAttribute('aria-invalid');
  form.hidden = false;
  field.focus();
  return true;
}

function closeLinkForm(state) {
  state.toolbar.querySelector('[data-link-form]').hidden = true;
  state.editor.commands.focus();
}

function applyLink(state, typed) {
  const field = state.toolbar.querySelector('[data-link-form] input');
  const text = typed.trim();
  if (!text) {
    state.editor.chain().focus().extendMarkRange('link').unsetLink().run();
    closeLinkForm(state);
    return;
  }

  const href = anyScheme.test(text) ? text : `https://${text}`;
  if (!linkSchemes.test(href)) {
    field.setAttribute('aria-invalid', 'true');
    return;
  }

  const chain = state.editor.chain().focus();
  if (state.editor.state.selection.empty && !state.editor.isActive('link')) {
    chain.insertContent({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] }).run();
  } else {
    chain.extendMarkRange('link').setLink({ href }).run();
  }
  closeLinkForm(state);
}

// The toolbar shows what applies at the cursor; Blazor renders the buttons, this keeps their state.
function reflect(state) {
  const { editor, toolbar } = state;
  for (const button of toolbar.querySelectorAll('button[data-command]')) {
    const command = button.dataset.command;
    if (marks[command] || lists[command] || command === 'link') {
      button.setAttribute('aria-pressed', String(editor.isActive(command)));
    }
    if (command === 'undo') button.disabled = !editor.can().undo();
    if (command === 'redo') button.disabled = !editor.can().redo();
    if (command === 'unlink') button.disabled = !editor.isActive('link');
  }
  const select = toolbar.querySelector('select[data-block]');
  if (select) select.value = currentBlock(editor);
}
