import type { ReactNode } from 'react';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Button, Tooltip } from 'antd';

// Only what the server keeps (paragraphs, lists, bold, italic, underline, line breaks): anything else would be
// dropped on saving and surprise the writer.
const EXTENSIONS = [
  StarterKit.configure({
    heading: false,
    blockquote: false,
    code: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    link: false,
  }),
];

function ToolButton({ label, isActive, isDisabled, onClick, children }: {
  label: string;
  isActive?: boolean;
  isDisabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <Tooltip title={label} mouseEnterDelay={0.6}>
      <Button
        size="small"
        type={isActive ? 'primary' : 'text'}
        ghost={isActive}
        aria-label={label}
        aria-pressed={isActive}
        disabled={isDisabled}
        // Keep the selection in the editor: a mousedown on the button would otherwise blur it.
        onMouseDown={(e) => e.preventDefault()}
        onClick={onClick}
      >
        {children}
      </Button>
    </Tooltip>
  );
}

function Toolbar({ editor }: { editor: Editor }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      isBold: e.isActive('bold'),
      isItalic: e.isActive('italic'),
      isUnderline: e.isActive('underline'),
      isBullet: e.isActive('bulletList'),
      isOrdered: e.isActive('orderedList'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  return (
    <div className="uh-rte-toolbar" role="toolbar" aria-label="格式">
      <ToolButton label="加粗" isActive={state.isBold} onClick={() => chain().toggleBold().run()}>
        <b>B</b>
      </ToolButton>
      <ToolButton label="斜体" isActive={state.isItalic} onClick={() => chain().toggleItalic().run()}>
        <i style={{ fontFamily: 'serif' }}>I</i>
      </ToolButton>
      <ToolButton label="下划线" isActive={state.isUnderline} onClick={() => chain().toggleUnderline().run()}>
        <u>U</u>
      </ToolButton>
      <span className="uh-rte-sep" />
      <ToolButton label="项目符号列表" isActive={state.isBullet} onClick={() => chain().toggleBulletList().run()}>
        • 列表
      </ToolButton>
      <ToolButton label="编号列表" isActive={state.isOrdered} onClick={() => chain().toggleOrderedList().run()}>
        1. 列表
      </ToolButton>
      <span className="uh-rte-sep" />
      <ToolButton label="撤销" isDisabled={!state.canUndo} onClick={() => chain().undo().run()}>
        撤销
      </ToolButton>
      <ToolButton label="重做" isDisabled={!state.canRedo} onClick={() => chain().redo().run()}>
        重做
      </ToolButton>
    </div>
  );
}

/** A small rich-text editor for a plan section (Tiptap): paragraphs, lists, bold, italic, underline. */
export function RichTextEditor({ value, onChange, ariaLabel }: { value: string; onChange: (html: string) => void; ariaLabel: string }) {
  const editor = useEditor({
    extensions: EXTENSIONS,
    content: value,
    editorProps: { attributes: { class: 'uh-rte-content uh-plan-body', 'aria-label': ariaLabel, role: 'textbox', 'aria-multiline': 'true' } },
    // An empty editor gives "<p></p>"; the section's body is then simply empty.
    onUpdate: ({ editor: e }) => onChange(e.isEmpty ? '' : e.getHTML()),
  });
  return (
    <div className="uh-rte" data-testid="section-editor">
      <Toolbar editor={editor} />
      <EditorContent editor={editor} />
    </div>
  );
}
