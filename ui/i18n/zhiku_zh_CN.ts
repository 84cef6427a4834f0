<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CellDetailModel</name>
    <message>
        <location filename="../models/compare_model.py" line="104" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../models/compare_model.py" line="105" />
        <source>Text</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../models/compare_model.py" line="106" />
        <source>Source</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../views/compare_view.py" line="148" />
        <source>Regions (2–5)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/compare_view.py" line="155" />
        <source>Add a region, e.g. 贵阳</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/compare_view.py" line="159" />
        <source>Themes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/compare_view.py" line="165" />
        <source>Add</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/compare_view.py" line="165" />
        <source>Edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/compare_view.py" line="166" />
        <source>Remove</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/compare_view.py" line="171" />
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="175" />
        <source>Export…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/compare_view.py" line="177" />
        <source>Excel workbook (.xlsx)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/compare_view.py" line="177" />
        <source>Markdown (.md)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/compare_view.py" line="177" />
        <source>CSV (.csv)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/compare_view.py" line="194" />
        <source>Select a cell to see its passages and measures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/compare_view.py" line="203" />
        <source>Your own summary of this cell (replaces the passage in the matrix)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/compare_view.py" line="206" />
        <source>Save cell text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/compare_view.py" line="225" />
        <source>Matrix</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/compare_view.py" line="226" />
        <source>Numbers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/compare_view.py" line="227" />
        <source>Policy instruments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/compare_view.py" line="284" />
        <source>Zhiku</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/compare_view.py" line="305" />
        <source>Remove the theme “%1”?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/compare_view.py" line="332" />
        <source>Pick between %1 and %2 regions.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/compare_view.py" line="336" />
        <source>Comparing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/compare_view.py" line="361" />
        <source>Documents per region — %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/compare_view.py" line="383" />
        <source>%1 · %2: %3 passages, %4 measures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/compare_view.py" line="418" />
        <source>Export comparison</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/compare_view.py" line="430" />
        <source>Saved %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>EntityPageView</name>
    <message>
        <location filename="../views/entity_page.py" line="108" />
        <source>This entity no longer exists.</source>
        <translation>该实体已不存在。</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="120" />
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="121" />
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="124" />
        <source>Located in</source>
        <translation>位于</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="125" />
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="137" />
        <source>Linked entities (%1)</source>
        <translation>关联实体（%1）</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="138" />
        <source>Mentions (%1)</source>
        <translation>提及（%1）</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="139" />
        <source>Measures mentioning it (%1)</source>
        <translation>涉及它的政策措施（%1）</translation>
    </message>
</context>
<context>
    <name>EntityTableModel</name>
    <message>
        <location filename="../models/entity_model.py" line="21" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../models/entity_model.py" line="22" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../models/entity_model.py" line="23" />
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../models/entity_model.py" line="24" />
        <source>Mentions</source>
        <translation>提及数</translation>
    </message>
    <message>
        <location filename="../models/entity_model.py" line="25" />
        <source>Documents</source>
        <translation>文档</translation>
    </message>
</context>
<context>
    <name>EntityView</name>
    <message>
        <location filename="../views/entity_view.py" line="90" />
        <location filename="../views/entity_view.py" line="133" />
        <location filename="../views/entity_view.py" line="135" />
        <source>All regions</source>
        <translation>全部地区</translation>
    </message>
    <message>
        <location filename="../views/entity_view.py" line="114" />
        <source>%1 of %2 entities</source>
        <translation>显示 %1 / 共 %2 个实体</translation>
    </message>
    <message>
        <location filename="../views/entity_view.py" line="123" />
        <source>Filter by name or alias…</source>
        <translation>按名称或别名筛选…</translation>
    </message>
    <message>
        <location filename="../views/entity_view.py" line="127" />
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <location filename="../views/import_dialog.py" line="26" />
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="45" />
        <source>Added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="46" />
        <source>Replaced (changed file)</source>
        <translation>已替换（文件有变化）</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="47" />
        <source>Skipped, unchanged</source>
        <translation>已跳过（未变化）</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="48" />
        <source>Skipped, duplicate of</source>
        <translation>已跳过（重复）</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="49" />
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="51" />
        <source>The import was cancelled; the files above were kept.</source>
        <translation>导入已取消；上面列出的文件已保留。</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="57" />
        <source>%1 added, %2 skipped, %3 failed in %4 s</source>
        <translation>添加 %1 个，跳过 %2 个，失败 %3 个，用时 %4 秒</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../labels.py" line="11" />
        <source>Plan</source>
        <translation>实施方案</translation>
    </message>
    <message>
        <location filename="../labels.py" line="12" />
        <source>News</source>
        <translation>新闻报道</translation>
    </message>
    <message>
        <location filename="../labels.py" line="13" />
        <source>Proposal reply</source>
        <translation>提案答复</translation>
    </message>
    <message>
        <location filename="../labels.py" line="14" />
        <source>Research</source>
        <translation>研究报告</translation>
    </message>
    <message>
        <location filename="../labels.py" line="15" />
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../labels.py" line="16" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../labels.py" line="19" />
        <location filename="../labels.py" line="40" />
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../labels.py" line="20" />
        <source>Park</source>
        <translation>园区</translation>
    </message>
    <message>
        <location filename="../labels.py" line="21" />
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../labels.py" line="22" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../labels.py" line="25" />
        <source>located in</source>
        <translation>位于</translation>
    </message>
    <message>
        <location filename="../labels.py" line="26" />
        <source>part of</source>
        <translation>隶属</translation>
    </message>
    <message>
        <location filename="../labels.py" line="27" />
        <source>built by</source>
        <translation>建设方</translation>
    </message>
    <message>
        <location filename="../labels.py" line="28" />
        <source>mentioned with</source>
        <translation>同时提及</translation>
    </message>
    <message>
        <location filename="../labels.py" line="31" />
        <source>Subsidy</source>
        <translation>补贴</translation>
    </message>
    <message>
        <location filename="../labels.py" line="32" />
        <source>Award</source>
        <translation>奖励</translation>
    </message>
    <message>
        <location filename="../labels.py" line="33" />
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../labels.py" line="34" />
        <source>Fund</source>
        <translation>基金</translation>
    </message>
    <message>
        <location filename="../labels.py" line="35" />
        <source>Rent support</source>
        <translation>租金支持</translation>
    </message>
    <message>
        <location filename="../labels.py" line="36" />
        <source>Tax</source>
        <translation>税收</translation>
    </message>
    <message>
        <location filename="../labels.py" line="37" />
        <source>Achievement</source>
        <translation>成效</translation>
    </message>
    <message>
        <location filename="../labels.py" line="41" />
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../labels.py" line="42" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../labels.py" line="43" />
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../labels.py" line="44" />
        <source>Entity type</source>
        <translation>实体类型</translation>
    </message>
</context>
<context>
    <name>LinkTableModel</name>
    <message>
        <location filename="../models/link_model.py" line="22" />
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <location filename="../models/link_model.py" line="23" />
        <source>Entity</source>
        <translation>实体</translation>
    </message>
    <message>
        <location filename="../models/link_model.py" line="24" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../models/link_model.py" line="25" />
        <source>Weight</source>
        <translation>权重</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="173" />
        <source>Opening the knowledge base…</source>
        <translation>正在打开知识库…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="183" />
        <source>%1 documents, %2 passages</source>
        <translation>%1 篇文档，%2 个段落</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="278" />
        <source>An import is already running.</source>
        <translation>已有导入任务在进行。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="280" />
        <source>Importing the starter corpus…</source>
        <translation>正在导入初始语料…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="280" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="296" />
        <source>Import documents</source>
        <translation>导入文档</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="297" />
        <source>Documents (*.txt *.md *.html *.htm *.docx *.pdf);;All files (*)</source>
        <translation>文档 (*.txt *.md *.html *.htm *.docx *.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="302" />
        <source>Import a folder</source>
        <translation>导入文件夹</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="353" />
        <source>Zhiku — policy library</source>
        <translation>智库 — 政策文献库</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="358" />
        <source>(read-only: another window has it open)</source>
        <translation>（只读：另一个窗口正在使用）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="362" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="362" />
        <source>Read</source>
        <translation>阅读</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="362" />
        <source>Entities</source>
        <translation>实体</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="363" />
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="363" />
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="369" />
        <source>%1 — coming soon</source>
        <translation>%1 — 即将推出</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="370" />
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="371" />
        <source>Back (Alt+Left)</source>
        <translation>后退（Alt+←）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="372" />
        <source>Forward</source>
        <translation>前进</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="373" />
        <source>Forward (Alt+Right)</source>
        <translation>前进（Alt+→）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="374" />
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="375" />
        <source>Import folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="376" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="377" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="378" />
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="379" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>MeasureTableModel</name>
    <message>
        <location filename="../models/measure_model.py" line="20" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../models/measure_model.py" line="21" />
        <source>Amount</source>
        <translation>金额/数量</translation>
    </message>
    <message>
        <location filename="../models/measure_model.py" line="22" />
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../models/measure_model.py" line="23" />
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../models/measure_model.py" line="24" />
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../models/measure_model.py" line="25" />
        <source>Text</source>
        <translation>原文</translation>
    </message>
</context>
<context>
    <name>MentionTableModel</name>
    <message>
        <location filename="../models/mention_model.py" line="19" />
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../models/mention_model.py" line="20" />
        <source>As written</source>
        <translation>原文写法</translation>
    </message>
    <message>
        <location filename="../models/mention_model.py" line="21" />
        <source>Sentence</source>
        <translation>所在句子</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../views/notes_view.py" line="50" />
        <source>Add note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/notes_view.py" line="55" />
        <source>Quote</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/notes_view.py" line="57" />
        <source>Comment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/notes_view.py" line="59" />
        <source>tags separated by spaces</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/notes_view.py" line="60" />
        <source>Tags</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NotesModel</name>
    <message>
        <location filename="../models/notes_model.py" line="31" />
        <source>Quote</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../models/notes_model.py" line="32" />
        <source>Comment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../models/notes_model.py" line="33" />
        <source>Tags</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../models/notes_model.py" line="34" />
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../models/notes_model.py" line="35" />
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../models/notes_model.py" line="36" />
        <source>Section</source>
        <translation>章节</translation>
    </message>
    <message>
        <location filename="../models/notes_model.py" line="37" />
        <source>Updated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../models/notes_model.py" line="38" />
        <source>Status</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NotesView</name>
    <message>
        <location filename="../views/notes_view.py" line="107" />
        <source>Search notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/notes_view.py" line="110" />
        <source>Orphaned only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/notes_view.py" line="113" />
        <source>Export…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/notes_view.py" line="115" />
        <source>Word (.docx)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/notes_view.py" line="115" />
        <source>Web page (.html)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/notes_view.py" line="116" />
        <source>Markdown (.md)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/notes_view.py" line="116" />
        <source>CSV (.csv)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/notes_view.py" line="147" />
        <source>Quote</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/notes_view.py" line="148" />
        <source>Source</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/notes_view.py" line="149" />
        <source>Comment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/notes_view.py" line="150" />
        <source>Tags</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/notes_view.py" line="152" />
        <source>Save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/notes_view.py" line="153" />
        <source>Open in reader</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/notes_view.py" line="154" />
        <source>Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/notes_view.py" line="182" />
        <source>All tags</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/notes_view.py" line="185" />
        <source>All documents</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/notes_view.py" line="189" />
        <source>All regions</source>
        <translation>全部地区</translation>
    </message>
    <message>
        <location filename="../views/notes_view.py" line="239" />
        <source>Orphaned — the quote is no longer in the document. </source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/notes_view.py" line="246" />
        <source>Zhiku</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/notes_view.py" line="259" />
        <source>Saved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/notes_view.py" line="264" />
        <source>Delete this note? This cannot be undone.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/notes_view.py" line="277" />
        <source>Export notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/notes_view.py" line="293" />
        <source>Saved %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NumbersModel</name>
    <message>
        <location filename="../models/compare_model.py" line="132" />
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../models/compare_model.py" line="133" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../models/compare_model.py" line="134" />
        <source>What</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../models/compare_model.py" line="135" />
        <source>Amount</source>
        <translation>金额/数量</translation>
    </message>
    <message>
        <location filename="../models/compare_model.py" line="136" />
        <source>Unit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../models/compare_model.py" line="137" />
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../models/compare_model.py" line="138" />
        <source>Document</source>
        <translation>文档</translation>
    </message>
</context>
<context>
    <name>ProgressStrip</name>
    <message>
        <location filename="../views/progress_bar.py" line="44" />
        <source>Importing %1/%2 %3</source>
        <translation>正在导入 %1/%2 %3</translation>
    </message>
    <message>
        <location filename="../views/progress_bar.py" line="49" />
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../views/progress_bar.py" line="53" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <location filename="../views/reader_view.py" line="170" />
        <source>Removed: %1</source>
        <translation>已清除：%1</translation>
    </message>
    <message>
        <location filename="../views/reader_view.py" line="224" />
        <source>Show raw page</source>
        <translation>显示原始网页</translation>
    </message>
    <message>
        <location filename="../views/reader_view.py" line="225" />
        <source>Show the page as scraped, with the removed boilerplate greyed out</source>
        <translation>显示抓取的原始网页，被清除的导航、页脚等以灰色显示</translation>
    </message>
    <message>
        <location filename="../views/reader_view.py" line="226" />
        <source>Outline</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../views/reader_view.py" line="227" />
        <source>Open a search result or an entity mention to read it here.</source>
        <translation>打开搜索结果或实体提及，即可在此阅读。</translation>
    </message>
    <message>
        <location filename="../views/reader_view.py" line="230" />
        <source>Search hit</source>
        <translation>搜索命中</translation>
    </message>
    <message>
        <location filename="../views/reader_view.py" line="232" />
        <source>Legend:</source>
        <translation>图例：</translation>
    </message>
</context>
<context>
    <name>SearchHitModel</name>
    <message>
        <location filename="../models/search_model.py" line="50" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../models/search_model.py" line="51" />
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../models/search_model.py" line="52" />
        <source>Section</source>
        <translation>章节</translation>
    </message>
    <message>
        <location filename="../models/search_model.py" line="53" />
        <source>Snippet</source>
        <translation>摘要</translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message numerus="yes">
        <location filename="../views/search_view.py" line="163" />
        <source>%n passage(s) found</source>
        <translation><numerusform>找到 %n 个段落</numerusform></translation>
    </message>
    <message>
        <location filename="../views/search_view.py" line="165" />
        <source>Nothing found for “%1”.</source>
        <translation>没有找到“%1”。</translation>
    </message>
    <message>
        <location filename="../views/search_view.py" line="214" />
        <source>Search the documents (Ctrl+K)… e.g. 数据中心 region:贵州</source>
        <translation>搜索文档（Ctrl+K）… 例如：数据中心 region:贵州</translation>
    </message>
    <message>
        <location filename="../views/search_view.py" line="215" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../views/search_view.py" line="216" />
        <source>Narrow by</source>
        <translation>筛选</translation>
    </message>
</context>
<context>
    <name>ThemeDialog</name>
    <message>
        <location filename="../views/compare_view.py" line="98" />
        <source>Theme</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/compare_view.py" line="102" />
        <source>words, OR, "phrases" — e.g. 人才 OR 引才</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/compare_view.py" line="105" />
        <source>Label</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/compare_view.py" line="106" />
        <source>Query</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/compare_view.py" line="107" />
        <source>Measure themes</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ThemeModel</name>
    <message>
        <location filename="../models/compare_model.py" line="162" />
        <source>Theme</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../models/compare_model.py" line="162" />
        <source>Query</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ToolMixChart</name>
    <message>
        <location filename="../views/compare_view.py" line="61" />
        <source>Supply</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/compare_view.py" line="61" />
        <source>Environment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/compare_view.py" line="61" />
        <source>Demand</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../views/compare_view.py" line="63" />
        <source>Run a comparison to see the policy-instrument mix</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>