<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>see its files</source>
        <translation>见其附带文件</translation>
    </message>
    <message>
        <source>A bilingual reader and terminology workbench for Chinese policy documents.</source>
        <translation>面向中国政策文件的双语阅读器与术语工作台。</translation>
    </message>
    <message>
        <source>CC-CEDICT (MDBG), CC BY-SA 4.0: the dictionary of the popup.</source>
        <translation>CC-CEDICT（MDBG），CC BY-SA 4.0：弹窗所用的词典。</translation>
    </message>
    <message>
        <source>The bundled regulations: official texts (PRC Copyright Law, Art. 5), via the LawRefBook/Laws project.</source>
        <translation>内置法规：官方文本（《中华人民共和国著作权法》第五条），取自 LawRefBook/Laws 项目。</translation>
    </message>
    <message>
        <source>The English translations and the glossary: our own work, CC BY 4.0; every rendering cites its source.</source>
        <translation>英文译文与术语表：本项目自行编写，采用 CC BY 4.0 许可；每个译法均注明出处。</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>文档库</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>软件包</translation>
    </message>
    <message>
        <source>Qt and PySide6 are used under the LGPL v3; you may replace them with your own build.</source>
        <translation>Qt 与 PySide6 依据 LGPL v3 使用；您可以用自行构建的版本替换它们。</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation>程序库</translation>
    </message>
    <message>
        <source>About PolicyReader</source>
        <translation>关于 PolicyReader</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Filter the shortcuts</source>
        <translation>筛选快捷键</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <source>⚠ moved (fuzzy)</source>
        <translation>⚠ 已移位（模糊匹配）</translation>
    </message>
    <message>
        <source>⚠ ORPHAN: text not found</source>
        <translation>⚠ 孤立批注：找不到对应文本</translation>
    </message>
    <message>
        <source>Edit annotation</source>
        <translation>编辑批注</translation>
    </message>
    <message>
        <source>Annotate</source>
        <translation>添加批注</translation>
    </message>
    <message>
        <source>Your note (Markdown)</source>
        <translation>批注内容（Markdown）</translation>
    </message>
    <message>
        <source>comma-separated, e.g. check, disputed</source>
        <translation>以逗号分隔，例如：待核实, 有争议</translation>
    </message>
    <message>
        <source>Glossary term</source>
        <translation>关联术语</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— 无 —</translation>
    </message>
    <message>
        <source>the English you chose (optional)</source>
        <translation>您选用的英文译法（可选）</translation>
    </message>
    <message>
        <source>why (optional)</source>
        <translation>理由（可选）</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>批注：</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <source>Glossary term:</source>
        <translation>关联术语：</translation>
    </message>
    <message>
        <source>Rendering chosen:</source>
        <translation>选用译法：</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <source>Show annotations of</source>
        <translation>显示批注的范围</translation>
    </message>
    <message>
        <source>This document</source>
        <translation>当前文档</translation>
    </message>
    <message>
        <source>Whole library</source>
        <translation>整个文档库</translation>
    </message>
    <message>
        <source>Filter annotations by text</source>
        <translation>按文字筛选批注</translation>
    </message>
    <message>
        <source>Filter by text…</source>
        <translation>按文字筛选…</translation>
    </message>
    <message>
        <source>Filter by tag</source>
        <translation>按标签筛选</translation>
    </message>
    <message>
        <source>Filter by glossary term</source>
        <translation>按术语筛选</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Re-attach to selection</source>
        <translation>重新锚定到选中文本</translation>
    </message>
    <message>
        <source>Place the selected (orphaned) annotation on the text selected in the reader</source>
        <translation>将选中的（孤立）批注放到阅读区中选中的文本上</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Term:</source>
        <translation>术语：</translation>
    </message>
    <message>
        <source>any</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>(no note)</source>
        <translation>（无批注内容）</translation>
    </message>
    <message>
        <source>Summarise again</source>
        <translation>重新汇总</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Claims summary</source>
        <translation>说法摘要</translation>
    </message>
    <message>
        <source>Put the cursor in a segment first</source>
        <translation>请先将光标置于某个句段中</translation>
    </message>
    <message>
        <source>Alignment saved; annotations: {exact} exact, {fuzzy} moved, {orphan} orphaned</source>
        <translation>对齐已保存；批注：{exact} 条位置不变，{fuzzy} 条已移位，{orphan} 条成为孤立批注</translation>
    </message>
    <message>
        <source>Alignment saved</source>
        <translation>对齐已保存</translation>
    </message>
    <message>
        <source>Saving the alignment</source>
        <translation>正在保存对齐</translation>
    </message>
    <message>
        <source>Nothing to review in this document</source>
        <translation>本文档没有需要复核的句段</translation>
    </message>
    <message>
        <source>Saving the review</source>
        <translation>正在保存复核结果</translation>
    </message>
    <message>
        <source>Segment {n} reviewed</source>
        <translation>第 {n} 句段已复核</translation>
    </message>
    <message>
        <source>Delete annotation “{quote}”</source>
        <translation>删除批注“{quote}”</translation>
    </message>
    <message>
        <source>Deleting the annotation</source>
        <translation>正在删除批注</translation>
    </message>
    <message>
        <source>Restoring the annotation</source>
        <translation>正在恢复批注</translation>
    </message>
    <message>
        <source>Reading annotations</source>
        <translation>正在读取批注</translation>
    </message>
    <message>
        <source>Select some text in one segment to annotate it</source>
        <translation>请在同一句段内选中文字后再添加批注</translation>
    </message>
    <message>
        <source>Annotation saved</source>
        <translation>批注已保存</translation>
    </message>
    <message>
        <source>Saving the annotation</source>
        <translation>正在保存批注</translation>
    </message>
    <message>
        <source>This annotation lost its place: select the text it belongs to and press “Re-attach to selection”</source>
        <translation>此批注已失去原位置：请选中它所属的文字，再点击“重新锚定到选中文本”</translation>
    </message>
    <message>
        <source>Annotation deleted — Ctrl+Z to undo</source>
        <translation>批注已删除——按 Ctrl+Z 撤销</translation>
    </message>
    <message>
        <source>Open the annotation&apos;s document and select the text to attach it to</source>
        <translation>请打开该批注所属的文档，并选中要锚定的文字</translation>
    </message>
    <message>
        <source>Re-attaching the annotation</source>
        <translation>正在重新锚定批注</translation>
    </message>
    <message>
        <source>English document: {renderings} rendering(s) of {terms} glossary term(s), {contested} contested, {avoid} to avoid — Glossary → Claims summary (Ctrl+Shift+L)</source>
        <translation>英文文档：{terms} 个术语的 {renderings} 处译法，其中 {contested} 处有争议，{avoid} 处应避免——术语表 → 说法摘要（Ctrl+Shift+L）</translation>
    </message>
    <message>
        <source>The claims summary reads English documents (news, blogs, forum posts) against the glossary; this is a Chinese document.</source>
        <translation>说法摘要用于对照术语表阅读英文文档（新闻、博客、论坛帖子）；当前是中文文档。</translation>
    </message>
    <message>
        <source>{mentions} mentions of {terms} glossary terms in “{title}”</source>
        <translation>“{title}”提及 {terms} 个术语，共 {mentions} 处</translation>
    </message>
    <message>
        <source>Summarising the claims</source>
        <translation>正在汇总说法</translation>
    </message>
    <message>
        <source>Export claims summary</source>
        <translation>导出说法摘要</translation>
    </message>
    <message>
        <source>Writing the summary</source>
        <translation>正在写入摘要</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>已写入 {path}</translation>
    </message>
    <message>
        <source>Building the concordance</source>
        <translation>正在生成语境检索结果</translation>
    </message>
    <message>
        <source>Sorting the concordance</source>
        <translation>正在排序语境检索结果</translation>
    </message>
    <message>
        <source>No glossary term at the cursor</source>
        <translation>光标处没有术语</translation>
    </message>
    <message>
        <source>Export concordance</source>
        <translation>导出语境检索结果</translation>
    </message>
    <message>
        <source>Writing the concordance</source>
        <translation>正在写入语境检索结果</translation>
    </message>
    <message>
        <source>Glossary updated; the library is re-linked</source>
        <translation>术语表已更新；文档库已重新关联术语</translation>
    </message>
    <message>
        <source>Select a Chinese word or phrase to add it to your glossary</source>
        <translation>请选中一个中文词语或短语，以将其加入您的术语表</translation>
    </message>
    <message>
        <source>Adding the term and re-linking the library</source>
        <translation>正在添加术语并重新关联文档库</translation>
    </message>
    <message>
        <source>Delete your entry (or your additions to it)?</source>
        <translation>删除您的词条（或您对该词条的补充）？</translation>
    </message>
    <message>
        <source>Deleting the entry</source>
        <translation>正在删除词条</translation>
    </message>
    <message>
        <source>Entry deleted; the library is re-linked</source>
        <translation>词条已删除；文档库已重新关联术语</translation>
    </message>
    <message>
        <source>Saving the entry</source>
        <translation>正在保存词条</translation>
    </message>
    <message>
        <source>Open a glossary entry first (Glossary → Browse glossary, or a term&apos;s popup)</source>
        <translation>请先打开一个术语词条（术语表 → 浏览术语表，或从术语弹窗进入）</translation>
    </message>
    <message>
        <source>Citation copied ({style})</source>
        <translation>引文已复制（{style}）</translation>
    </message>
    <message>
        <source>Export bibliography</source>
        <translation>导出参考文献</translation>
    </message>
    <message>
        <source>Writing the bibliography</source>
        <translation>正在写入参考文献</translation>
    </message>
    <message>
        <source>Wrote {n} sources to {path}</source>
        <translation>已将 {n} 条文献写入 {path}</translation>
    </message>
    <message>
        <source>Exporting the glossary</source>
        <translation>正在导出术语表</translation>
    </message>
    <message>
        <source>Exported {n} entries to {path}</source>
        <translation>已将 {n} 个词条导出到 {path}</translation>
    </message>
    <message>
        <source>Import glossary</source>
        <translation>导入术语表</translation>
    </message>
    <message>
        <source>Importing the glossary</source>
        <translation>正在导入术语表</translation>
    </message>
    <message>
        <source>Imported {n} entries into your glossary</source>
        <translation>已将 {n} 个词条导入您的术语表</translation>
    </message>
    <message>
        <source>Reading the termbase</source>
        <translation>正在读取术语库</translation>
    </message>
    <message>
        <source>Reading the library</source>
        <translation>正在读取文档库</translation>
    </message>
    <message>
        <source>Ready — {entries} glossary entries, {documents} documents</source>
        <translation>就绪——{entries} 个术语词条，{documents} 篇文档</translation>
    </message>
    <message>
        <source>Importing the bundled corpus… {n}/{total} {document}</source>
        <translation>正在导入内置语料…{n}/{total} {document}</translation>
    </message>
    <message>
        <source>Starting up</source>
        <translation>正在启动</translation>
    </message>
    <message>
        <source>Importing a first document</source>
        <translation>正在导入第一篇文档</translation>
    </message>
    <message>
        <source>Opening the last document</source>
        <translation>正在打开上次的文档</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>正在导入 {file}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Already in the library as “{title}”</source>
        <translation>文档库中已有此文档：“{title}”</translation>
    </message>
    <message>
        <source>Imported the English document “{title}”: {n} paragraphs</source>
        <translation>已导入英文文档“{title}”：{n} 个段落</translation>
    </message>
    <message>
        <source>Imported “{title}”: {n} segments, {aligned} aligned</source>
        <translation>已导入“{title}”：{n} 个句段，其中 {aligned} 个已对齐</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was written</source>
        <translation>导入已取消；未写入任何内容</translation>
    </message>
    <message>
        <source>Importing {file}</source>
        <translation>正在导入 {file}</translation>
    </message>
    <message>
        <source>Exported {n} translated segment(s) to {path}</source>
        <translation>已将 {n} 个已翻译句段导出到 {path}</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <source>Nothing to look up at the cursor</source>
        <translation>光标处没有可查询的内容</translation>
    </message>
    <message>
        <source>Finding the terms in the regulations</source>
        <translation>正在法规中查找这些术语</translation>
    </message>
    <message>
        <source>Counting the corpus evidence</source>
        <translation>正在统计语料中的用法</translation>
    </message>
    <message>
        <source>This is an English document: there is no Chinese source to check it against. Its claims summary (Ctrl+Shift+L) shows the renderings the glossary questions.</source>
        <translation>这是英文文档：没有可供对照检查的中文原文。它的说法摘要（Ctrl+Shift+L）会列出术语表存疑的译法。</translation>
    </message>
    <message>
        <source>This document has no translation to check.</source>
        <translation>本文档没有可检查的译文。</translation>
    </message>
    <message>
        <source>Checking the translation</source>
        <translation>正在检查译文</translation>
    </message>
    <message>
        <source>Saving the finding</source>
        <translation>正在保存检查结果</translation>
    </message>
    <message>
        <source>Saving your checks</source>
        <translation>正在保存您的检查规则</translation>
    </message>
    <message>
        <source>{n} check(s) saved; they run with every QA</source>
        <translation>已保存 {n} 条检查规则；每次质量检查都会运行它们</translation>
    </message>
    <message>
        <source>No findings to export: run the check first (F7)</source>
        <translation>没有可导出的检查结果：请先运行检查（F7）</translation>
    </message>
    <message>
        <source>Export QA report</source>
        <translation>导出质量检查报告</translation>
    </message>
    <message>
        <source>Writing the QA report</source>
        <translation>正在写入质量检查报告</translation>
    </message>
    <message>
        <source>Opening the document</source>
        <translation>正在打开文档</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>{n} found</source>
        <translation>找到 {n} 处</translation>
    </message>
    <message>
        <source>{current} of {n}</source>
        <translation>第 {current} 处，共 {n} 处</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在检索…</translation>
    </message>
    <message>
        <source>Searching the library</source>
        <translation>正在检索文档库</translation>
    </message>
    <message>
        <source>The new interface language takes effect when PolicyReader starts again.</source>
        <translation>新的界面语言将在 PolicyReader 下次启动时生效。</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>阅读区</translation>
    </message>
    <message>
        <source>Select the word under the pointer</source>
        <translation>选中指针下的词语</translation>
    </message>
    <message>
        <source>Double-click</source>
        <translation>双击</translation>
    </message>
    <message>
        <source>Next / previous word (the popup follows)</source>
        <translation>下一个 / 上一个词（弹窗随之移动）</translation>
    </message>
    <message>
        <source>Close the popup or the find bar</source>
        <translation>关闭弹窗或查找栏</translation>
    </message>
    <message>
        <source>Find bar</source>
        <translation>查找栏</translation>
    </message>
    <message>
        <source>Next / previous match</source>
        <translation>下一个 / 上一个匹配项</translation>
    </message>
    <message>
        <source>Last sync: {when}</source>
        <translation>上次同步：{when}</translation>
    </message>
    <message>
        <source>Last sync: never</source>
        <translation>上次同步：从未</translation>
    </message>
    <message>
        <source>1 conflict waiting</source>
        <translation>1 个冲突待处理</translation>
    </message>
    <message>
        <source>{n} conflicts waiting</source>
        <translation>{n} 个冲突待处理</translation>
    </message>
    <message>
        <source>Team — {status}</source>
        <translation>团队——{status}</translation>
    </message>
    <message>
        <source>Not in a team</source>
        <translation>未加入团队</translation>
    </message>
    <message>
        <source>&amp;Resolve conflicts ({n})…</source>
        <translation>解决冲突（{n}）(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Resolve conflicts…</source>
        <translation>解决冲突(&amp;R)…</translation>
    </message>
    <message>
        <source>Joining the team</source>
        <translation>正在加入团队</translation>
    </message>
    <message>
        <source>Joined {remote} as {name}</source>
        <translation>已以 {name} 的身份加入 {remote}</translation>
    </message>
    <message>
        <source>Syncing with the team</source>
        <translation>正在与团队同步</translation>
    </message>
    <message>
        <source>Synced with the team: sent {sent}, received {received} item(s)</source>
        <translation>已与团队同步：发送 {sent} 项，接收 {received} 项</translation>
    </message>
    <message>
        <source>{message}; {n} conflict(s) to settle</source>
        <translation>{message}；{n} 个冲突待解决</translation>
    </message>
    <message>
        <source>No conflicts are waiting: every entry and annotation agrees with the team&apos;s as of the last sync.</source>
        <translation>没有待处理的冲突：截至上次同步，每个词条和批注都与团队的一致。</translation>
    </message>
    <message>
        <source>This library has not joined a team (Team → Join a team…).</source>
        <translation>此文档库尚未加入团队（团队 → 加入团队…）。</translation>
    </message>
    <message>
        <source>Keeping your choices and syncing</source>
        <translation>正在保留您的选择并同步</translation>
    </message>
    <message>
        <source>(not yet translated)</source>
        <translation>（尚未翻译）</translation>
    </message>
    <message>
        <source>Looking the term up in the regulations…</source>
        <translation>正在法规中查找该术语…</translation>
    </message>
    <message>
        <source>No regulation in the library uses {term}.</source>
        <translation>文档库中没有任何法规使用{term}。</translation>
    </message>
    <message>
        <source>In the regulations:</source>
        <translation>法规中：</translation>
    </message>
    <message>
        <source>{term} occurs once in 1 regulation.</source>
        <translation>{term}在 1 部法规中出现 1 次。</translation>
    </message>
    <message>
        <source>{term} occurs {n} times in 1 regulation.</source>
        <translation>{term}在 1 部法规中出现 {n} 次。</translation>
    </message>
    <message>
        <source>{term} occurs {n} times in {d} regulations.</source>
        <translation>{term}在 {d} 部法规中共出现 {n} 次。</translation>
    </message>
    <message>
        <source>All {n} in the concordance…</source>
        <translation>在语境检索中查看全部 {n} 处…</translation>
    </message>
    <message>
        <source>No glossary entry accepts this rendering for any term.</source>
        <translation>没有任何术语词条接受此译法。</translation>
    </message>
    <message>
        <source>It renders {n} glossary terms.</source>
        <translation>它对应 {n} 个术语。</translation>
    </message>
    <message>
        <source>This rendering:</source>
        <translation>此译法：</translation>
    </message>
    <message>
        <source>Dispute.</source>
        <translation>争议：</translation>
    </message>
    <message>
        <source>Full entry…</source>
        <translation>完整词条…</translation>
    </message>
    <message>
        <source>preferred: “{text}”</source>
        <translation>首选：“{text}”</translation>
    </message>
    <message>
        <source>Detect from the text</source>
        <translation>根据文本自动识别</translation>
    </message>
    <message>
        <source>Chinese source</source>
        <translation>中文原文</translation>
    </message>
    <message>
        <source>English document (coverage read against the glossary)</source>
        <translation>英文文档（对照术语表阅读的英文报道）</translation>
    </message>
    <message>
        <source>Import document</source>
        <translation>导入文档</translation>
    </message>
    <message>
        <source>Document file</source>
        <translation>文档文件</translation>
    </message>
    <message>
        <source>Translation file</source>
        <translation>译文文件</translation>
    </message>
    <message>
        <source>optional: the English translation, to align</source>
        <translation>可选：用于对齐的英文译文</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>optional: taken from the file</source>
        <translation>可选：默认取自文件</translation>
    </message>
    <message>
        <source>Language of the document</source>
        <translation>文档语言</translation>
    </message>
    <message>
        <source>Document:</source>
        <translation>文档：</translation>
    </message>
    <message>
        <source>Translation:</source>
        <translation>译文：</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Browse for the file</source>
        <translation>浏览文件</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>Glossary entry</source>
        <translation>术语词条</translation>
    </message>
    <message>
        <source>bundled</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户自建</translation>
    </message>
    <message>
        <source>extended</source>
        <translation>内置（含您的补充）</translation>
    </message>
    <message>
        <source>(our rendering)</source>
        <translation>（本项目译法）</translation>
    </message>
    <message>
        <source>Related:</source>
        <translation>相关：</translation>
    </message>
    <message>
        <source>+{n} more renderings</source>
        <translation>另有 {n} 种译法</translation>
    </message>
    <message>
        <source>Your note:</source>
        <translation>您的批注：</translation>
    </message>
    <message>
        <source>{word}: not in CC-CEDICT</source>
        <translation>{word}：CC-CEDICT 未收录</translation>
    </message>
    <message>
        <source>(none of the known renderings)</source>
        <translation>（未使用任何已知译法）</translation>
    </message>
    <message>
        <source>{n} aligned occurrence(s) of {term}.</source>
        <translation>{term}在已对齐的文本中出现 {n} 次。</translation>
    </message>
    <message>
        <source>In the corpus</source>
        <translation>语料中的用法</translation>
    </message>
    <message>
        <source>By document:</source>
        <translation>按文档：</translation>
    </message>
    <message>
        <source>By year:</source>
        <translation>按年份：</translation>
    </message>
    <message>
        <source>Literally:</source>
        <translation>字面义：</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Domains:</source>
        <translation>领域：</translation>
    </message>
    <message>
        <source>Renderings</source>
        <translation>译法</translation>
    </message>
    <message>
        <source>Used by: {who}</source>
        <translation>使用者：{who}</translation>
    </message>
    <message>
        <source>Our rendering: {why}</source>
        <translation>本项目译法：{why}</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>出处：</translation>
    </message>
    <message>
        <source>How the translation is disputed</source>
        <translation>译法争议</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Examples from the corpus</source>
        <translation>语料例句</translation>
    </message>
    <message>
        <source>Concordance…</source>
        <translation>语境检索…</translation>
    </message>
    <message>
        <source>Copy citation</source>
        <translation>复制引文</translation>
    </message>
    <message>
        <source>Edit my entry…</source>
        <translation>编辑我的词条…</translation>
    </message>
    <message>
        <source>Delete my entry</source>
        <translation>删除我的词条</translation>
    </message>
    <message>
        <source>Remove my additions</source>
        <translation>移除我的补充</translation>
    </message>
    <message>
        <source>Related terms</source>
        <translation>相关术语</translation>
    </message>
    <message>
        <source>Bibliography</source>
        <translation>参考文献</translation>
    </message>
    <message>
        <source>Export glossary</source>
        <translation>导出术语表</translation>
    </message>
    <message>
        <source>All entries</source>
        <translation>全部词条</translation>
    </message>
    <message>
        <source>Only terms I annotated</source>
        <translation>仅我批注过的术语</translation>
    </message>
    <message>
        <source>Only terms in the open document</source>
        <translation>仅当前文档中的术语</translation>
    </message>
    <message>
        <source>Only my own entries</source>
        <translation>仅我自建的词条</translation>
    </message>
    <message>
        <source>any domain</source>
        <translation>任意领域</translation>
    </message>
    <message>
        <source>any tag</source>
        <translation>任意标签</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Entries:</source>
        <translation>词条：</translation>
    </message>
    <message>
        <source>Domain:</source>
        <translation>领域：</translation>
    </message>
    <message>
        <source>Annotation tag:</source>
        <translation>批注标签：</translation>
    </message>
    <message>
        <source>&lt;b&gt;{n}&lt;/b&gt; entries, {notes} of your annotations: {names}</source>
        <translation>&lt;b&gt;{n}&lt;/b&gt; 个词条，含您的 {notes} 条批注：{names}</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>dispute</source>
        <translation>争议</translation>
    </message>
    <message>
        <source>id {id} names {term} in the glossary but {other} in the file</source>
        <translation>ID {id} 在术语表中指{term}，在文件中却指{other}</translation>
    </message>
    <message>
        <source>“{rendering}” is {status} in the glossary but {other} in the file</source>
        <translation>“{rendering}”在术语表中为“{status}”，在文件中却为“{other}”</translation>
    </message>
    <message>
        <source>in the file</source>
        <translation>文件中的版本</translation>
    </message>
    <message>
        <source>Also merge the conflicting entries (adds their renderings)</source>
        <translation>同时合并有冲突的词条（添加其译法）</translation>
    </message>
    <message>
        <source>From &lt;b&gt;{path}&lt;/b&gt;:</source>
        <translation>来自 &lt;b&gt;{path}&lt;/b&gt;：</translation>
    </message>
    <message>
        <source>New ({n})</source>
        <translation>新增（{n}）</translation>
    </message>
    <message>
        <source>Changed ({n})</source>
        <translation>有改动（{n}）</translation>
    </message>
    <message>
        <source>Conflicting ({n})</source>
        <translation>有冲突（{n}）</translation>
    </message>
    <message>
        <source>in your glossary</source>
        <translation>您术语表中的版本</translation>
    </message>
    <message>
        <source>both changed</source>
        <translation>双方都有改动</translation>
    </message>
    <message>
        <source>{n} entries are already in the glossary as they are.</source>
        <translation>另有 {n} 个词条已原样存在于术语表中。</translation>
    </message>
    <message>
        <source>one unit per aligned segment (OmegaT, memoQ, Trados)</source>
        <translation>每个已对齐句段一个翻译单元（OmegaT、memoQ、Trados）</translation>
    </message>
    <message>
        <source>the English only</source>
        <translation>仅英文</translation>
    </message>
    <message>
        <source>a table: Chinese | English</source>
        <translation>表格：中文 | 英文</translation>
    </message>
    <message>
        <source>Export document</source>
        <translation>导出文档</translation>
    </message>
    <message>
        <source>The open document ({title})</source>
        <translation>当前文档（{title}）</translation>
    </message>
    <message>
        <source>Every translated document in the library</source>
        <translation>文档库中所有已翻译的文档</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>文档：</translation>
    </message>
    <message>
        <source>preferred</source>
        <translation>首选</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>可接受</translation>
    </message>
    <message>
        <source>contested</source>
        <translation>有争议</translation>
    </message>
    <message>
        <source>avoid</source>
        <translation>避免使用</translation>
    </message>
    <message>
        <source>core</source>
        <translation>核心</translation>
    </message>
    <message>
        <source>moral</source>
        <translation>道德</translation>
    </message>
    <message>
        <source>finance</source>
        <translation>金融</translation>
    </message>
    <message>
        <source>judicial</source>
        <translation>司法</translation>
    </message>
    <message>
        <source>regulation</source>
        <translation>监管</translation>
    </message>
    <message>
        <source>lists</source>
        <translation>名单</translation>
    </message>
    <message>
        <source>institution</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>campaign</source>
        <translation>宣传活动</translation>
    </message>
    <message>
        <source>market</source>
        <translation>市场</translation>
    </message>
    <message>
        <source>legal</source>
        <translation>法律</translation>
    </message>
    <message>
        <source>rights</source>
        <translation>权利</translation>
    </message>
    <message>
        <source>scoring</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>policy</source>
        <translation>政策</translation>
    </message>
    <message>
        <source>zh</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>en</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>info</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>term-missing</source>
        <translation>术语缺失</translation>
    </message>
    <message>
        <source>term-contested</source>
        <translation>争议译法</translation>
    </message>
    <message>
        <source>term-avoid</source>
        <translation>应避免的译法</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>article-number</source>
        <translation>条款编号</translation>
    </message>
    <message>
        <source>untranslated</source>
        <translation>未翻译</translation>
    </message>
    <message>
        <source>identical</source>
        <translation>译文同原文</translation>
    </message>
    <message>
        <source>inconsistent-target</source>
        <translation>译文不一致</translation>
    </message>
    <message>
        <source>inconsistent-source</source>
        <translation>原文不一致</translation>
    </message>
    <message>
        <source>user-check</source>
        <translation>自定义检查</translation>
    </message>
    <message>
        <source>yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <source>green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <source>pink</source>
        <translation>粉色</translation>
    </message>
    <message>
        <source>orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>HTML page</source>
        <translation>HTML 网页</translation>
    </message>
    <message>
        <source>Word document</source>
        <translation>Word 文档</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>TMX translation memory</source>
        <translation>TMX 翻译记忆库</translation>
    </message>
    <message>
        <source>TBX-Basic (TBX v2, martif) — memoQ, Trados</source>
        <translation>TBX-Basic（TBX v2，martif）——memoQ、Trados</translation>
    </message>
    <message>
        <source>TBX for OmegaT (renderings to avoid named, never offered)</source>
        <translation>适用于 OmegaT 的 TBX（注明应避免的译法，但不作为候选）</translation>
    </message>
    <message>
        <source>TBX v3 (ISO 30042:2019)</source>
        <translation>TBX v3（ISO 30042:2019）</translation>
    </message>
    <message>
        <source>OmegaT glossary (TSV)</source>
        <translation>OmegaT 术语表（TSV）</translation>
    </message>
    <message>
        <source>CSV (memoQ, spreadsheets)</source>
        <translation>CSV（memoQ、电子表格）</translation>
    </message>
    <message>
        <source>Excel termbase, one row per rendering (memoQ, Trados)</source>
        <translation>Excel 术语库，每种译法一行（memoQ、Trados）</translation>
    </message>
    <message>
        <source>Markdown study glossary</source>
        <translation>Markdown 学习用术语表</translation>
    </message>
    <message>
        <source>HTML study glossary</source>
        <translation>HTML 学习用术语表</translation>
    </message>
    <message>
        <source>PDF study glossary</source>
        <translation>PDF 学习用术语表</translation>
    </message>
    <message>
        <source>Anki deck (.apkg)</source>
        <translation>Anki 卡组（.apkg）</translation>
    </message>
    <message>
        <source>JSON with annotations</source>
        <translation>JSON（含批注）</translation>
    </message>
    <message>
        <source>W3C Web Annotation (JSON-LD)</source>
        <translation>W3C Web Annotation（JSON-LD）</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>Text (one finding a line)</source>
        <translation>文本（每行一条检查结果）</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <source>BibTeX</source>
        <translation>BibTeX</translation>
    </message>
    <message>
        <source>CSL JSON (Zotero, citeproc)</source>
        <translation>CSL JSON（Zotero、citeproc）</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Termbases</source>
        <translation>术语库</translation>
    </message>
    <message>
        <source>QA reports</source>
        <translation>质量检查报告</translation>
    </message>
    <message>
        <source>Concordances</source>
        <translation>语境检索结果</translation>
    </message>
    <message>
        <source>Bibliographies</source>
        <translation>参考文献</translation>
    </message>
    <message>
        <source>Claims summaries</source>
        <translation>说法摘要</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>translated</source>
        <translation>已翻译</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>部分翻译</translation>
    </message>
    <message>
        <source>Chinese only</source>
        <translation>仅中文</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>译文</translation>
    </message>
    <message>
        <source>Filter documents…</source>
        <translation>筛选文档…</translation>
    </message>
    <message>
        <source>Filter documents</source>
        <translation>筛选文档</translation>
    </message>
    <message>
        <source>Library documents</source>
        <translation>文档库中的文档</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>大纲</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>检索文档库</translation>
    </message>
    <message>
        <source>Search the library (Chinese or English)…</source>
        <translation>检索文档库（中文或英文）…</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>检索结果</translation>
    </message>
    <message>
        <source>{n} result(s) for “{query}”</source>
        <translation>“{query}”的检索结果：{n} 条</translation>
    </message>
    <message>
        <source>No results for “{query}”</source>
        <translation>未找到“{query}”</translation>
    </message>
    <message>
        <source>Find in document</source>
        <translation>在文档中查找</translation>
    </message>
    <message>
        <source>Find in document…</source>
        <translation>在文档中查找…</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>关闭查找栏（Esc）</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>关闭查找栏</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>As the system (default)</source>
        <translation>跟随系统（默认）</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>No colours</source>
        <translation>不着色</translation>
    </message>
    <message>
        <source>Red, orange, green, blue (MDBG)</source>
        <translation>红、橙、绿、蓝（MDBG）</translation>
    </message>
    <message>
        <source>Red, green, blue, purple (Pleco)</source>
        <translation>红、绿、蓝、紫（Pleco）</translation>
    </message>
    <message>
        <source>Show traditional forms in the popup</source>
        <translation>在弹窗中显示繁体字形</translation>
    </message>
    <message>
        <source>A new interface language takes effect when PolicyReader starts again.</source>
        <translation>更改界面语言后，需重新启动 PolicyReader 才能生效。</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Colour theme:</source>
        <translation>配色主题：</translation>
    </message>
    <message>
        <source>Colour theme</source>
        <translation>配色主题</translation>
    </message>
    <message>
        <source>Reader font:</source>
        <translation>阅读区字体：</translation>
    </message>
    <message>
        <source>Reader font</source>
        <translation>阅读区字体</translation>
    </message>
    <message>
        <source>Text size:</source>
        <translation>字号：</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>字号</translation>
    </message>
    <message>
        <source>Popup delay:</source>
        <translation>弹窗延迟：</translation>
    </message>
    <message>
        <source>Popup delay</source>
        <translation>弹窗延迟</translation>
    </message>
    <message>
        <source>Tone colours in pinyin:</source>
        <translation>拼音声调着色：</translation>
    </message>
    <message>
        <source>Tone colours</source>
        <translation>声调着色</translation>
    </message>
    <message>
        <source> or </source>
        <translation>或</translation>
    </message>
    <message>
        <source>(no preferred or accepted rendering)</source>
        <translation>（无首选或可接受的译法）</translation>
    </message>
    <message>
        <source>{term} has none of its glossary renderings in the English; expected {expected}.</source>
        <translation>译文未使用{term}在术语表中的任何译法；应为{expected}。</translation>
    </message>
    <message>
        <source>{term} is rendered as “{found}”, a contested rendering; the glossary prefers {preferred}.</source>
        <translation>{term}译作“{found}”，属有争议的译法；术语表首选{preferred}。</translation>
    </message>
    <message>
        <source>{term} is rendered as “{found}”, which the glossary says to avoid; use {expected}.</source>
        <translation>{term}译作“{found}”，术语表建议避免使用该译法；请使用{expected}。</translation>
    </message>
    <message>
        <source>Numbers differ: the Chinese has {expected_list}, the English has {found_list}.</source>
        <translation>数字不一致：原文为 {expected_list}，译文为 {found_list}。</translation>
    </message>
    <message>
        <source>Article/chapter references differ: the Chinese has {expected_list}, the English has {found_list}.</source>
        <translation>条、章编号不一致：原文为 {expected_list}，译文为 {found_list}。</translation>
    </message>
    <message>
        <source>The segment has no English translation.</source>
        <translation>该句段没有英文译文。</translation>
    </message>
    <message>
        <source>The English consists mostly of Chinese characters.</source>
        <translation>英文译文主要由汉字组成。</translation>
    </message>
    <message>
        <source>The English is identical to the Chinese.</source>
        <translation>英文译文与中文原文完全相同。</translation>
    </message>
    <message>
        <source>The same Chinese is translated differently elsewhere in the library: {expected}.</source>
        <translation>相同的原文在文档库其他地方有不同的译文：{expected}。</translation>
    </message>
    <message>
        <source>The same English translates different Chinese elsewhere in the library: {expected}.</source>
        <translation>相同的译文在文档库其他地方对应不同的原文：{expected}。</translation>
    </message>
    <message>
        <source>Check “{term}”: the English should contain “{expected_list}”.</source>
        <translation>检查规则“{term}”：译文应包含“{expected_list}”。</translation>
    </message>
    <message>
        <source>Check “{term}”: the English contains “{found}”, which it must not.</source>
        <translation>检查规则“{term}”：译文包含不应出现的“{found}”。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>always “{english}”</source>
        <translation>必须出现“{english}”</translation>
    </message>
    <message>
        <source>never “{english}”</source>
        <translation>不得出现“{english}”</translation>
    </message>
    <message>
        <source>{rule} where the Chinese has “{chinese}”</source>
        <translation>{rule}（仅限原文含“{chinese}”时）</translation>
    </message>
    <message>
        <source>{rule} (regular expressions)</source>
        <translation>{rule}（正则表达式）</translation>
    </message>
    <message>
        <source>Show accepted</source>
        <translation>显示已接受</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <source>My checks…</source>
        <translation>我的检查规则…</translation>
    </message>
    <message>
        <source>English that must or must not occur, saved by name and run with every check</source>
        <translation>必须或不得出现的英文，按名称保存，每次检查都会运行</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>导出报告…</translation>
    </message>
    <message>
        <source>QA findings</source>
        <translation>质量检查结果</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>术语</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>{message}
found: {found}
expected: {expected}</source>
        <translation>{message}
实际：{found}
应为：{expected}</translation>
    </message>
    <message>
        <source>{errors} error(s), {warnings} warning(s), {accepted} accepted</source>
        <translation>{errors} 个错误，{warnings} 个警告，{accepted} 个已接受</translation>
    </message>
    <message>
        <source>found</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>expected</source>
        <translation>应为</translation>
    </message>
    <message>
        <source>My QA checks</source>
        <translation>我的质量检查规则</translation>
    </message>
    <message>
        <source>My checks</source>
        <translation>我的检查规则</translation>
    </message>
    <message>
        <source>a name, e.g. no social credit score</source>
        <translation>名称，例如：不用 social credit score</translation>
    </message>
    <message>
        <source>must not contain</source>
        <translation>不得包含</translation>
    </message>
    <message>
        <source>must contain</source>
        <translation>必须包含</translation>
    </message>
    <message>
        <source>English text, e.g. social credit score</source>
        <translation>英文文字，例如：social credit score</translation>
    </message>
    <message>
        <source>optional: only where the Chinese contains this, e.g. 信用分</source>
        <translation>可选：仅当原文包含此内容时检查，例如：信用分</translation>
    </message>
    <message>
        <source>Regular expressions</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <source>Add check</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>The English:</source>
        <translation>译文：</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>文字：</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>适用条件：</translation>
    </message>
    <message>
        <source>Severity:</source>
        <translation>严重程度：</translation>
    </message>
    <message>
        <source>Saved checks (run with every QA):</source>
        <translation>已保存的检查规则（每次质量检查都会运行）：</translation>
    </message>
    <message>
        <source>The Chinese text and its English translation, segment by segment</source>
        <translation>中文原文及其英文译文，逐句段对照</translation>
    </message>
    <message>
        <source>The library cannot be opened.</source>
        <translation>无法打开文档库。</translation>
    </message>
    <message>
        <source>The library database is damaged.</source>
        <translation>文档库数据库已损坏。</translation>
    </message>
    <message>
        <source>PolicyReader can rename the damaged file (it keeps every byte, so it can still be examined or recovered) and start a fresh library with the bundled documents. Your annotations and glossary entries stay in the renamed file.</source>
        <translation>PolicyReader 可以将损坏的文件改名保存（保留每个字节，日后仍可检查或恢复），并以内置文档新建一个文档库。您的批注和术语词条仍保存在改名后的文件中。</translation>
    </message>
    <message>
        <source>Move it aside and start fresh</source>
        <translation>移开损坏文件并新建</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>English only</source>
        <translation>仅英文</translation>
    </message>
    <message>
        <source>{link} link</source>
        <translation>{link} 对齐</translation>
    </message>
    <message>
        <source>§{n}  {kind}, {sure} sure — {text}</source>
        <translation>§{n}  {kind}，置信度 {sure}——{text}</translation>
    </message>
    <message>
        <source>Segments to review</source>
        <translation>待复核的句段</translation>
    </message>
    <message>
        <source>Looks right</source>
        <translation>对齐无误</translation>
    </message>
    <message>
        <source>The alignment of the selected segment is correct: take it off the list</source>
        <translation>所选句段对齐无误：将其从列表中移除</translation>
    </message>
    <message>
        <source>No document is open.</source>
        <translation>未打开文档。</translation>
    </message>
    <message>
        <source>Nothing to review: every segment is aligned with confidence.</source>
        <translation>无需复核：所有句段均已可靠对齐。</translation>
    </message>
    <message>
        <source>{n} of {total} segments to review: check that the English beside each renders exactly its Chinese.</source>
        <translation>{total} 个句段中有 {n} 个待复核：请检查每个句段旁的英文是否准确对应其中文。</translation>
    </message>
    <message>
        <source>Join a team</source>
        <translation>加入团队</translation>
    </message>
    <message>
        <source>Team repository</source>
        <translation>团队仓库</translation>
    </message>
    <message>
        <source>git@host:team/glossary.git, https://…, or a folder</source>
        <translation>git@host:team/glossary.git、https://… 或文件夹</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的名字</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>Team repository:</source>
        <translation>团队仓库：</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>您的名字：</translation>
    </message>
    <message>
        <source>Your own glossary entries and your annotations are shared with everyone who syncs with this git repository; theirs come to you.</source>
        <translation>您自建的术语词条和批注将与所有同步此 git 仓库的人共享；他们的也会同步给您。</translation>
    </message>
    <message>
        <source>Join and sync</source>
        <translation>加入并同步</translation>
    </message>
    <message>
        <source>The team repository</source>
        <translation>团队仓库</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>tags: {tags}</source>
        <translation>标签：{tags}</translation>
    </message>
    <message>
        <source>rendering: {rendering} {why}</source>
        <translation>译法：{rendering} {why}</translation>
    </message>
    <message>
        <source>the team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>deleted by you, changed by {who}</source>
        <translation>您已删除，{who} 已修改</translation>
    </message>
    <message>
        <source>changed by you, deleted by {who}</source>
        <translation>您已修改，{who} 已删除</translation>
    </message>
    <message>
        <source>added differently by you and by {who}</source>
        <translation>您与 {who} 添加的内容不同</translation>
    </message>
    <message>
        <source>changed by you and by {who}</source>
        <translation>您与 {who} 都做了修改</translation>
    </message>
    <message>
        <source>“{quote}” in {document}</source>
        <translation>{document}中的“{quote}”</translation>
    </message>
    <message>
        <source>Team sync: conflicts</source>
        <translation>团队同步：冲突</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <source>Take {name}&apos;s</source>
        <translation>采用 {name} 的</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>两者都保留</translation>
    </message>
    <message>
        <source>Merge both (add their renderings)</source>
        <translation>合并两者（添加对方的译法）</translation>
    </message>
    <message>
        <source>Keep which version of {item}</source>
        <translation>{item}保留哪个版本</translation>
    </message>
    <message>
        <source>{item}:</source>
        <translation>{item}：</translation>
    </message>
    <message>
        <source>Keep these and sync</source>
        <translation>按此保留并同步</translation>
    </message>
    <message>
        <source>{n} item(s) were changed both here and by others. Both versions are kept until you choose.</source>
        <translation>有 {n} 项在本地和他人处都被修改。在您作出选择前，两个版本都会保留。</translation>
    </message>
    <message>
        <source>entry</source>
        <translation>词条</translation>
    </message>
    <message>
        <source>annotation</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>yours</source>
        <translation>您的</translation>
    </message>
    <message>
        <source>{name}&apos;s</source>
        <translation>{name} 的</translation>
    </message>
    <message>
        <source>&amp;Side by side</source>
        <translation>左右对照(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Interleaved</source>
        <translation>上下交替(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Chinese only</source>
        <translation>仅中文(&amp;C)</translation>
    </message>
    <message>
        <source>The damaged library was moved to {path}; a fresh one was started</source>
        <translation>损坏的文档库已移至 {path}；已新建一个文档库</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Search library  (Ctrl+Shift+F)</source>
        <translation>检索文档库（Ctrl+Shift+F）</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>检索</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>术语表</translation>
    </message>
    <message>
        <source>Concordance</source>
        <translation>语境检索</translation>
    </message>
    <message>
        <source>QA</source>
        <translation>质量检查</translation>
    </message>
    <message>
        <source>Review alignment</source>
        <translation>复核对齐</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import document…</source>
        <translation>导入文档(&amp;I)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>E&amp;xport document…</source>
        <translation>导出文档(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Export glossary…</source>
        <translation>导出术语表(&amp;E)…</translation>
    </message>
    <message>
        <source>Import glossary…</source>
        <translation>导入术语表…</translation>
    </message>
    <message>
        <source>Export &amp;bibliography…</source>
        <translation>导出参考文献(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Annotate selection…</source>
        <translation>批注所选内容(&amp;A)…</translation>
    </message>
    <message>
        <source>Show a&amp;nnotations</source>
        <translation>显示批注(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Find in document…</source>
        <translation>在文档中查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Search library…</source>
        <translation>检索文档库(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Look up word at cursor</source>
        <translation>查询光标处的词语(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Glossary</source>
        <translation>术语表(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Add term from selection…</source>
        <translation>添加为术语(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Browse glossary</source>
        <translation>浏览术语表(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Concordance of the term at the cursor</source>
        <translation>光标处术语的语境检索(&amp;C)</translation>
    </message>
    <message>
        <source>Copy c&amp;itation of the entry</source>
        <translation>复制词条引文(&amp;I)</translation>
    </message>
    <message>
        <source>Check translation (&amp;QA)</source>
        <translation>检查译文(&amp;Q)</translation>
    </message>
    <message>
        <source>C&amp;laims summary of this document</source>
        <translation>本文档的说法摘要(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Alignment</source>
        <translation>对齐(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Merge segment with the next</source>
        <translation>与下一句段合并(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Split segment at the cursor</source>
        <translation>在光标处拆分句段(&amp;S)</translation>
    </message>
    <message>
        <source>Pull next segment&apos;s &amp;English up</source>
        <translation>将下一句段的英文上移(&amp;E)</translation>
    </message>
    <message>
        <source>Push last &amp;English paragraph down</source>
        <translation>将最后一段英文下移(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Review alignment</source>
        <translation>复核对齐(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Next segment to review</source>
        <translation>下一个待复核句段(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous segment to review</source>
        <translation>上一个待复核句段(&amp;P)</translation>
    </message>
    <message>
        <source>Alignment &amp;looks right</source>
        <translation>对齐无误(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>团队(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Join a team…</source>
        <translation>加入团队(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Sync with the team</source>
        <translation>与团队同步(&amp;S)</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>布局(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <source>S&amp;maller text</source>
        <translation>缩小文字(&amp;M)</translation>
    </message>
    <message>
        <source>Line &amp;spacing</source>
        <translation>行距(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Tone colours in pinyin</source>
        <translation>拼音声调着色(&amp;T)</translation>
    </message>
    <message>
        <source>Show &amp;traditional forms</source>
        <translation>显示繁体字形(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About PolicyReader</source>
        <translation>关于 PolicyReader(&amp;A)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Search the library for “{text}”</source>
        <translation>在文档库中检索“{text}”</translation>
    </message>
    <message>
        <source>Merge with the next segment</source>
        <translation>与下一句段合并</translation>
    </message>
    <message>
        <source>Split segment here</source>
        <translation>在此处拆分句段</translation>
    </message>
    <message>
        <source>Pull next segment&apos;s English up</source>
        <translation>将下一句段的英文上移</translation>
    </message>
    <message>
        <source>Push last English paragraph down</source>
        <translation>将最后一段英文下移</translation>
    </message>
    <message>
        <source>Something went wrong ({error}). Please report it.</source>
        <translation>出现错误（{error}）。请报告此问题。</translation>
    </message>
    <message>
        <source>Search the glossary</source>
        <translation>检索术语表</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>all domains</source>
        <translation>全部领域</translation>
    </message>
    <message>
        <source>Status of a rendering</source>
        <translation>译法状态</translation>
    </message>
    <message>
        <source>any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <source>has {status}</source>
        <translation>含“{status}”译法</translation>
    </message>
    <message>
        <source>Glossary entries</source>
        <translation>术语词条</translation>
    </message>
    <message>
        <source>[mine]</source>
        <translation>[我的]</translation>
    </message>
    <message>
        <source>[+mine]</source>
        <translation>[+我的]</translation>
    </message>
    <message>
        <source>{n} entries</source>
        <translation>{n} 个词条</translation>
    </message>
    <message>
        <source>Concordance lines</source>
        <translation>语境检索结果</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左侧语境</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右侧语境</translation>
    </message>
    <message>
        <source>(changed since the concordance was opened)</source>
        <translation>（打开语境检索后已更改）</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>&lt;b&gt;{term}&lt;/b&gt;: {n} occurrence(s) in the library</source>
        <translation>&lt;b&gt;{term}&lt;/b&gt;：在文档库中出现 {n} 次</translation>
    </message>
    <message>
        <source>Add to my glossary</source>
        <translation>添加到我的术语表</translation>
    </message>
    <message>
        <source>Edit my entry {term}</source>
        <translation>编辑我的词条：{term}</translation>
    </message>
    <message>
        <source>Dictionary suggestions</source>
        <translation>词典建议</translation>
    </message>
    <message>
        <source>CC-CEDICT definitions: double-click one to use it as a rendering</source>
        <translation>CC-CEDICT 释义：双击某条即可用作译法</translation>
    </message>
    <message>
        <source>English renderings, separated by &apos;;&apos; (the first gets the status below)</source>
        <translation>英文译法，以“;”分隔（第一个译法采用下方的状态）</translation>
    </message>
    <message>
        <source>who uses it (optional)</source>
        <translation>使用者（可选）</translation>
    </message>
    <message>
        <source>bibliography ids, separated by &apos;;&apos; (optional)</source>
        <translation>参考文献 ID，以“;”分隔（可选）</translation>
    </message>
    <message>
        <source>notes (optional)</source>
        <translation>备注（可选）</translation>
    </message>
    <message>
        <source>Pinyin:</source>
        <translation>拼音：</translation>
    </message>
    <message>
        <source>Renderings:</source>
        <translation>译法：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Used by:</source>
        <translation>使用者：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
</context>
</TS>
