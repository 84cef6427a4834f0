<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CellDetailModel</name>
    <message>
        <location filename="../models/compare_model.py" line="126"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../models/compare_model.py" line="127"/>
        <source>Text</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../models/compare_model.py" line="128"/>
        <source>Source</source>
        <translation>出处</translation>
    </message>
    <message>
        <location filename="../models/compare_model.py" line="137"/>
        <source>Passage</source>
        <translation>段落</translation>
    </message>
</context>
<context>
    <name>CellPanel</name>
    <message>
        <location filename="../views/cell_panel.py" line="129"/>
        <source>Open in reader</source>
        <translation>在阅读器中打开</translation>
    </message>
    <message>
        <location filename="../views/cell_panel.py" line="130"/>
        <location filename="../views/cell_panel.py" line="146"/>
        <source>Add note…</source>
        <translation>添加笔记…</translation>
    </message>
    <message>
        <location filename="../views/cell_panel.py" line="136"/>
        <source>Select a cell to see its passages and measures</source>
        <translation>选择一个单元格，查看其段落和政策措施</translation>
    </message>
    <message>
        <location filename="../views/cell_panel.py" line="139"/>
        <source>%1 · %2: %3 passages, %4 measures</source>
        <translation>%1 · %2：%3 个段落，%4 条措施</translation>
    </message>
    <message>
        <location filename="../views/cell_panel.py" line="143"/>
        <source>Your note for this cell (shown in the matrix instead of the passage):</source>
        <translation>本单元格的笔记（在矩阵中代替段落显示）：</translation>
    </message>
    <message>
        <location filename="../views/cell_panel.py" line="144"/>
        <source>e.g. 人才政策未见具体条款</source>
        <translation>例如：人才政策未见具体条款</translation>
    </message>
    <message>
        <location filename="../views/cell_panel.py" line="145"/>
        <source>Save cell note</source>
        <translation>保存单元格笔记</translation>
    </message>
    <message>
        <location filename="../views/cell_panel.py" line="147"/>
        <source>Add a note on the selected passage or measure</source>
        <translation>为选中的段落或措施添加笔记</translation>
    </message>
    <message>
        <location filename="../views/cell_panel.py" line="148"/>
        <source>Open</source>
        <translation>打开原文</translation>
    </message>
    <message>
        <location filename="../views/cell_panel.py" line="149"/>
        <source>Open the selected passage in the reader</source>
        <translation>在阅读器中打开选中的段落</translation>
    </message>
</context>
<context>
    <name>CompareModel</name>
    <message>
        <location filename="../models/compare_model.py" line="24"/>
        <source>✎ %1</source>
        <translation>✎ %1</translation>
    </message>
    <message>
        <location filename="../models/compare_model.py" line="26"/>
        <source>No relevant content</source>
        <translation>无相关内容</translation>
    </message>
    <message>
        <location filename="../models/compare_model.py" line="27"/>
        <source>%1 passages · %2 measures</source>
        <translation>%1 个段落 · %2 条措施</translation>
    </message>
    <message>
        <location filename="../models/compare_model.py" line="36"/>
        <source> (1 doc)</source>
        <translation>（1 篇）</translation>
    </message>
    <message>
        <location filename="../models/compare_model.py" line="37"/>
        <source> (%1 docs)</source>
        <translation>（%1 篇）</translation>
    </message>
    <message>
        <location filename="../models/compare_model.py" line="110"/>
        <source>No documents</source>
        <translation>没有文档</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../views/compare_view.py" line="181"/>
        <source>Themes (rows)</source>
        <translation>主题（行）</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="182"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="183"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="184"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="185"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="186"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="187"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿 (.xlsx)</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="187"/>
        <source>Markdown (.md)</source>
        <translation>Markdown (.md)</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="187"/>
        <source>CSV (.csv)</source>
        <translation>CSV (.csv)</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="375"/>
        <source>Cell note saved</source>
        <translation>单元格笔记已保存</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="379"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="396"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="190"/>
        <source>Matrix</source>
        <translation>对比矩阵</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="190"/>
        <source>Numbers</source>
        <translation>数字指标</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="190"/>
        <source>Policy instruments</source>
        <translation>政策工具</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="248"/>
        <source>Zhiku</source>
        <translation>智库</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="268"/>
        <source>Remove the theme “%1”?</source>
        <translation>删除主题“%1”？</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="303"/>
        <source>Pick between %1 and %2 regions.</source>
        <translation>请选择 %1 到 %2 个地区。</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="309"/>
        <source>Comparing…</source>
        <translation>正在比较…</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="325"/>
        <source>Documents per region — %1</source>
        <translation>各地区文档数 — %1</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="386"/>
        <source>Export comparison</source>
        <translation>导出比较结果</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="402"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>DocHeader</name>
    <message>
        <location filename="../views/doc_header.py" line="65"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../views/doc_header.py" line="66"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../views/doc_header.py" line="67"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../views/doc_header.py" line="68"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../views/doc_header.py" line="69"/>
        <source>Issuer</source>
        <translation>发文机关</translation>
    </message>
    <message>
        <location filename="../views/doc_header.py" line="70"/>
        <source>Doc no.</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../views/doc_header.py" line="71"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../views/doc_header.py" line="92"/>
        <source>Copy citation</source>
        <translation>复制引用</translation>
    </message>
    <message>
        <location filename="../views/doc_header.py" line="93"/>
        <source>Show raw page</source>
        <translation>显示原始网页</translation>
    </message>
    <message>
        <location filename="../views/doc_header.py" line="94"/>
        <source>Show the page as scraped, with the removed boilerplate greyed out</source>
        <translation>按抓取时的原样显示网页，被清除的栏目等以灰色显示</translation>
    </message>
</context>
<context>
    <name>EntityCorrector</name>
    <message>
        <location filename="../entity_corrections.py" line="114"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../entity_corrections.py" line="115"/>
        <source>Change type</source>
        <translation>更改类型</translation>
    </message>
    <message>
        <location filename="../entity_corrections.py" line="123"/>
        <source>Merge into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <location filename="../entity_corrections.py" line="124"/>
        <source>Delete entity…</source>
        <translation>删除实体…</translation>
    </message>
    <message>
        <location filename="../entity_corrections.py" line="162"/>
        <source>Delete the entity “%1”? Its mentions and links go too; re-imports keep it deleted.</source>
        <translation>删除实体“%1”？其提及和关联也将一并删除；重新导入后仍保持删除。</translation>
    </message>
    <message>
        <location filename="../entity_corrections.py" line="171"/>
        <source>Rename entity</source>
        <translation>重命名实体</translation>
    </message>
    <message>
        <location filename="../entity_corrections.py" line="172"/>
        <source>New name for “%1”:</source>
        <translation>“%1”的新名称：</translation>
    </message>
    <message>
        <location filename="../entity_corrections.py" line="181"/>
        <source>Zhiku</source>
        <translation>智库</translation>
    </message>
</context>
<context>
    <name>EntityPageView</name>
    <message>
        <location filename="../views/entity_page.py" line="156"/>
        <source>Rename, retype, merge or delete this entity; kept on re-import</source>
        <translation>重命名、更改类型、合并或删除此实体；重新导入后仍然保留</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="174"/>
        <source>Open in reader</source>
        <translation>在阅读器中打开</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="175"/>
        <location filename="../views/entity_page.py" line="236"/>
        <source>Add note…</source>
        <translation>添加笔记…</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="187"/>
        <source>This entity no longer exists.</source>
        <translation>该实体已不存在。</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="199"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="200"/>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="203"/>
        <source>Located in</source>
        <translation>位于</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="204"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="216"/>
        <source>Linked entities (%1)</source>
        <translation>关联实体（%1）</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="217"/>
        <source>Mentions (%1)</source>
        <translation>提及（%1）</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="218"/>
        <source>Measures mentioning it (%1)</source>
        <translation>涉及它的政策措施（%1）</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="237"/>
        <source>Correct</source>
        <translation>纠正</translation>
    </message>
</context>
<context>
    <name>EntityTableModel</name>
    <message>
        <location filename="../models/entity_model.py" line="21"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../models/entity_model.py" line="22"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../models/entity_model.py" line="23"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../models/entity_model.py" line="24"/>
        <source>Mentions</source>
        <translation>提及数</translation>
    </message>
    <message>
        <location filename="../models/entity_model.py" line="25"/>
        <source>Docs</source>
        <translation>文档</translation>
    </message>
</context>
<context>
    <name>EntityView</name>
    <message>
        <location filename="../views/entity_view.py" line="106"/>
        <location filename="../views/entity_view.py" line="166"/>
        <location filename="../views/entity_view.py" line="168"/>
        <source>All regions</source>
        <translation>全部地区</translation>
    </message>
    <message>
        <location filename="../views/entity_view.py" line="130"/>
        <source>%1 of %2 entities</source>
        <translation>显示 %1 / 共 %2 个实体</translation>
    </message>
    <message>
        <location filename="../views/entity_view.py" line="140"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../views/entity_view.py" line="156"/>
        <source>Filter by name or alias…</source>
        <translation>按名称或别名筛选…</translation>
    </message>
    <message>
        <location filename="../views/entity_view.py" line="160"/>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <location filename="../export_menu.py" line="62"/>
        <source>notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../export_menu.py" line="62"/>
        <source>comparison</source>
        <translation>地区比较</translation>
    </message>
    <message>
        <location filename="../export_menu.py" line="62"/>
        <source>entities</source>
        <translation>实体</translation>
    </message>
    <message>
        <location filename="../export_menu.py" line="63"/>
        <source>measures</source>
        <translation>政策措施</translation>
    </message>
    <message>
        <location filename="../export_menu.py" line="66"/>
        <source>Export notes</source>
        <translation>导出笔记</translation>
    </message>
    <message>
        <location filename="../export_menu.py" line="66"/>
        <source>Export comparison</source>
        <translation>导出比较结果</translation>
    </message>
    <message>
        <location filename="../export_menu.py" line="67"/>
        <source>Export entities</source>
        <translation>导出实体</translation>
    </message>
    <message>
        <location filename="../export_menu.py" line="67"/>
        <source>Export measures</source>
        <translation>导出政策措施</translation>
    </message>
    <message>
        <location filename="../export_menu.py" line="70"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../export_menu.py" line="71"/>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../export_menu.py" line="71"/>
        <source>Comparison</source>
        <translation>地区比较</translation>
    </message>
    <message>
        <location filename="../export_menu.py" line="71"/>
        <source>Entities</source>
        <translation>实体</translation>
    </message>
    <message>
        <location filename="../export_menu.py" line="72"/>
        <source>Measures</source>
        <translation>政策措施</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <location filename="../views/import_dialog.py" line="26"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="45"/>
        <source>Added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="46"/>
        <source>Replaced (changed file)</source>
        <translation>已替换（文件有变化）</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="47"/>
        <source>Skipped, unchanged</source>
        <translation>已跳过（未变化）</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="48"/>
        <source>Skipped, duplicate of</source>
        <translation>已跳过（重复）</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="49"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="51"/>
        <source>The import was cancelled; the files above were kept.</source>
        <translation>导入已取消；上面列出的文件已保留。</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="57"/>
        <source>%1 added, %2 skipped, %3 failed in %4 s</source>
        <translation>添加 %1 个，跳过 %2 个，失败 %3 个，用时 %4 秒</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../labels.py" line="13"/>
        <source>Plan</source>
        <translation>实施方案</translation>
    </message>
    <message>
        <location filename="../labels.py" line="14"/>
        <source>News</source>
        <translation>新闻报道</translation>
    </message>
    <message>
        <location filename="../labels.py" line="15"/>
        <source>Proposal reply</source>
        <translation>提案答复</translation>
    </message>
    <message>
        <location filename="../labels.py" line="16"/>
        <source>Research</source>
        <translation>研究报告</translation>
    </message>
    <message>
        <location filename="../labels.py" line="17"/>
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../labels.py" line="18"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../labels.py" line="21"/>
        <location filename="../labels.py" line="42"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../labels.py" line="22"/>
        <source>Park</source>
        <translation>园区</translation>
    </message>
    <message>
        <location filename="../labels.py" line="23"/>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../labels.py" line="24"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../labels.py" line="27"/>
        <source>located in</source>
        <translation>位于</translation>
    </message>
    <message>
        <location filename="../labels.py" line="28"/>
        <source>part of</source>
        <translation>隶属</translation>
    </message>
    <message>
        <location filename="../labels.py" line="29"/>
        <source>built by</source>
        <translation>建设方</translation>
    </message>
    <message>
        <location filename="../labels.py" line="30"/>
        <source>mentioned with</source>
        <translation>同时提及</translation>
    </message>
    <message>
        <location filename="../labels.py" line="33"/>
        <source>Subsidy</source>
        <translation>补贴</translation>
    </message>
    <message>
        <location filename="../labels.py" line="34"/>
        <source>Award</source>
        <translation>奖励</translation>
    </message>
    <message>
        <location filename="../labels.py" line="35"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../labels.py" line="36"/>
        <source>Fund</source>
        <translation>基金</translation>
    </message>
    <message>
        <location filename="../labels.py" line="37"/>
        <source>Rent support</source>
        <translation>租金支持</translation>
    </message>
    <message>
        <location filename="../labels.py" line="38"/>
        <source>Tax</source>
        <translation>税收</translation>
    </message>
    <message>
        <location filename="../labels.py" line="39"/>
        <source>Achievement</source>
        <translation>成效</translation>
    </message>
    <message>
        <location filename="../labels.py" line="43"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../labels.py" line="44"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../labels.py" line="45"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../labels.py" line="46"/>
        <source>Entity type</source>
        <translation>实体类型</translation>
    </message>
</context>
<context>
    <name>LinkTableModel</name>
    <message>
        <location filename="../models/link_model.py" line="22"/>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <location filename="../models/link_model.py" line="23"/>
        <source>Entity</source>
        <translation>实体</translation>
    </message>
    <message>
        <location filename="../models/link_model.py" line="24"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../models/link_model.py" line="25"/>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="186"/>
        <source>Opening the knowledge base…</source>
        <translation>正在打开知识库…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="204"/>
        <source>%1 documents, %2 passages</source>
        <translation>%1 篇文档，%2 个段落</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="319"/>
        <source>An import is already running.</source>
        <translation>已有导入任务在进行。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="321"/>
        <source>Importing the starter corpus…</source>
        <translation>正在导入初始语料…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="321"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="333"/>
        <source>Import documents</source>
        <translation>导入文档</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="334"/>
        <source>Documents (*.txt *.md *.html *.htm *.docx *.pdf);;All files (*)</source>
        <translation>文档 (*.txt *.md *.html *.htm *.docx *.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="339"/>
        <source>Import a folder</source>
        <translation>导入文件夹</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="390"/>
        <source>Zhiku — policy library</source>
        <translation>智库 — 政策文献库</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="394"/>
        <source>(read-only: another window has it open)</source>
        <translation>（只读：另一个窗口正在使用）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="395"/>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="400"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="400"/>
        <source>Read</source>
        <translation>阅读</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="400"/>
        <source>Entities</source>
        <translation>实体</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="401"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="401"/>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="404"/>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="405"/>
        <source>Back (Alt+Left)</source>
        <translation>后退（Alt+←）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="406"/>
        <source>Forward</source>
        <translation>前进</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="407"/>
        <source>Forward (Alt+Right)</source>
        <translation>前进（Alt+→）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="408"/>
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="409"/>
        <source>Import folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="410"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="411"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="412"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="413"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>MeasureTableModel</name>
    <message>
        <location filename="../models/measure_model.py" line="20"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../models/measure_model.py" line="21"/>
        <source>Amount</source>
        <translation>金额/数量</translation>
    </message>
    <message>
        <location filename="../models/measure_model.py" line="22"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../models/measure_model.py" line="23"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../models/measure_model.py" line="24"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../models/measure_model.py" line="25"/>
        <source>Text</source>
        <translation>原文</translation>
    </message>
</context>
<context>
    <name>MentionTableModel</name>
    <message>
        <location filename="../models/mention_model.py" line="19"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../models/mention_model.py" line="20"/>
        <source>As written</source>
        <translation>原文写法</translation>
    </message>
    <message>
        <location filename="../models/mention_model.py" line="21"/>
        <source>Sentence</source>
        <translation>所在句子</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../entity_corrections.py" line="40"/>
        <source>Merge entity</source>
        <translation>合并实体</translation>
    </message>
    <message>
        <location filename="../entity_corrections.py" line="42"/>
        <source>Merge “%1” into (its mentions, links and names move there):</source>
        <translation>将“%1”合并到（其提及、关联和名称都将移过去）：</translation>
    </message>
    <message>
        <location filename="../entity_corrections.py" line="47"/>
        <source>Type part of a name…</source>
        <translation>输入名称的一部分…</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../views/note_dialog.py" line="24"/>
        <source>Add note</source>
        <translation>添加笔记</translation>
    </message>
    <message>
        <location filename="../views/note_dialog.py" line="30"/>
        <source>Entity</source>
        <translation>实体</translation>
    </message>
    <message>
        <location filename="../views/note_dialog.py" line="30"/>
        <source>Measure</source>
        <translation>政策措施</translation>
    </message>
    <message>
        <location filename="../views/note_dialog.py" line="31"/>
        <source>Quote</source>
        <translation>引文</translation>
    </message>
    <message>
        <location filename="../views/note_dialog.py" line="33"/>
        <source>Your comment</source>
        <translation>你的评注</translation>
    </message>
    <message>
        <location filename="../views/note_dialog.py" line="34"/>
        <source>Comment</source>
        <translation>评注</translation>
    </message>
    <message>
        <location filename="../views/note_dialog.py" line="36"/>
        <source>tags separated by spaces, e.g. 招商 奖励</source>
        <translation>标签以空格分隔，例如：招商 奖励</translation>
    </message>
    <message>
        <location filename="../views/note_dialog.py" line="37"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>NotesModel</name>
    <message>
        <location filename="../models/notes_model.py" line="31"/>
        <source>Quote</source>
        <translation>引文</translation>
    </message>
    <message>
        <location filename="../models/notes_model.py" line="32"/>
        <source>Comment</source>
        <translation>评注</translation>
    </message>
    <message>
        <location filename="../models/notes_model.py" line="33"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../models/notes_model.py" line="34"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../models/notes_model.py" line="35"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../models/notes_model.py" line="36"/>
        <source>Section</source>
        <translation>章节</translation>
    </message>
    <message>
        <location filename="../models/notes_model.py" line="37"/>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <location filename="../models/notes_model.py" line="38"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../models/notes_model.py" line="39"/>
        <source>On</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../models/notes_model.py" line="42"/>
        <source>Passage</source>
        <translation>段落</translation>
    </message>
    <message>
        <location filename="../models/notes_model.py" line="43"/>
        <source>Entity</source>
        <translation>实体</translation>
    </message>
    <message>
        <location filename="../models/notes_model.py" line="44"/>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <location filename="../models/notes_model.py" line="45"/>
        <source>Comparison cell</source>
        <translation>比较单元格</translation>
    </message>
    <message>
        <location filename="../models/notes_model.py" line="68"/>
        <source>Orphaned</source>
        <translation>已失联</translation>
    </message>
    <message>
        <location filename="../models/notes_model.py" line="69"/>
        <source>Anchored</source>
        <translation>已定位</translation>
    </message>
    <message>
        <location filename="../models/notes_model.py" line="77"/>
        <source>The quoted text is no longer in the document; re-attach or delete the note.</source>
        <translation>引用的文字已不在文档中；请重新关联或删除这条笔记。</translation>
    </message>
</context>
<context>
    <name>NotesView</name>
    <message>
        <location filename="../views/notes_view.py" line="204"/>
        <source>Search notes</source>
        <translation>搜索笔记</translation>
    </message>
    <message>
        <location filename="../views/notes_view.py" line="205"/>
        <source>Orphaned only</source>
        <translation>仅显示失联笔记</translation>
    </message>
    <message>
        <location filename="../views/notes_view.py" line="206"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../views/notes_view.py" line="207"/>
        <source>Word (.docx)</source>
        <translation>Word (.docx)</translation>
    </message>
    <message>
        <location filename="../views/notes_view.py" line="207"/>
        <source>Web page (.html)</source>
        <translation>网页 (.html)</translation>
    </message>
    <message>
        <location filename="../views/notes_view.py" line="208"/>
        <source>Markdown (.md)</source>
        <translation>Markdown (.md)</translation>
    </message>
    <message>
        <location filename="../views/notes_view.py" line="208"/>
        <source>CSV (.csv)</source>
        <translation>CSV (.csv)</translation>
    </message>
    <message>
        <location filename="../views/notes_view.py" line="211"/>
        <source>Quote</source>
        <translation>引文</translation>
    </message>
    <message>
        <location filename="../views/notes_view.py" line="211"/>
        <source>Source</source>
        <translation>出处</translation>
    </message>
    <message>
        <location filename="../views/notes_view.py" line="211"/>
        <source>Comment</source>
        <translation>评注</translation>
    </message>
    <message>
        <location filename="../views/notes_view.py" line="212"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../views/notes_view.py" line="214"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../views/notes_view.py" line="215"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../views/notes_view.py" line="216"/>
        <source>Open the quoted passage in the reader (or the entity&apos;s page)</source>
        <translation>在阅读器中打开引用的段落（实体笔记则打开实体页面）</translation>
    </message>
    <message>
        <location filename="../views/notes_view.py" line="217"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../views/notes_view.py" line="218"/>
        <source>Re-attach…</source>
        <translation>重新锚定…</translation>
    </message>
    <message>
        <location filename="../views/notes_view.py" line="219"/>
        <source>Anchor this orphaned note again: choose a document to search its quote in</source>
        <translation>重新锚定这条失锚笔记：选择一个文档，在其中查找引文</translation>
    </message>
    <message>
        <location filename="../views/notes_view.py" line="220"/>
        <location filename="../views/notes_view.py" line="259"/>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location filename="../views/notes_view.py" line="220"/>
        <location filename="../views/notes_view.py" line="262"/>
        <source>All documents</source>
        <translation>全部文档</translation>
    </message>
    <message>
        <location filename="../views/notes_view.py" line="221"/>
        <location filename="../views/notes_view.py" line="266"/>
        <source>All regions</source>
        <translation>全部地区</translation>
    </message>
    <message>
        <location filename="../views/notes_view.py" line="324"/>
        <source>Entity: %1</source>
        <translation>实体：%1</translation>
    </message>
    <message>
        <location filename="../views/notes_view.py" line="326"/>
        <source>Orphaned — the quote is no longer in the document. </source>
        <translation>已失联——引用的文字已不在文档中。</translation>
    </message>
    <message>
        <location filename="../views/notes_view.py" line="339"/>
        <source>Zhiku</source>
        <translation>智库</translation>
    </message>
    <message>
        <location filename="../views/notes_view.py" line="347"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../views/notes_view.py" line="351"/>
        <source>Delete this note? This cannot be undone.</source>
        <translation>删除这条笔记？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../views/notes_view.py" line="353"/>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location filename="../views/notes_view.py" line="373"/>
        <source>Re-attached in %1</source>
        <translation>已重新锚定到 %1</translation>
    </message>
    <message>
        <location filename="../views/notes_view.py" line="385"/>
        <source>Export notes</source>
        <translation>导出笔记</translation>
    </message>
    <message>
        <location filename="../views/notes_view.py" line="400"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../views/notes_view.py" line="405"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>NumbersModel</name>
    <message>
        <location filename="../models/compare_model.py" line="154"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../models/compare_model.py" line="155"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../models/compare_model.py" line="156"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../models/compare_model.py" line="157"/>
        <source>Amount</source>
        <translation>金额/数量</translation>
    </message>
    <message>
        <location filename="../models/compare_model.py" line="158"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../models/compare_model.py" line="159"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../models/compare_model.py" line="160"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
</context>
<context>
    <name>ProgressStrip</name>
    <message>
        <location filename="../views/progress_bar.py" line="47"/>
        <source>Importing %1/%2 %3</source>
        <translation>正在导入 %1/%2 %3</translation>
    </message>
    <message>
        <location filename="../views/progress_bar.py" line="52"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../views/progress_bar.py" line="56"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <location filename="../views/reader_view.py" line="282"/>
        <source>Switch back to the cleaned text to add a note</source>
        <translation>切换回正文视图后才能添加笔记</translation>
    </message>
    <message>
        <location filename="../views/reader_view.py" line="284"/>
        <source>Note the selected text (%1)</source>
        <translation>为选中的文字添加笔记（%1）</translation>
    </message>
    <message>
        <location filename="../views/reader_view.py" line="312"/>
        <source>Removed: %1</source>
        <translation>已清除：%1</translation>
    </message>
    <message>
        <location filename="../views/reader_view.py" line="373"/>
        <source>Add note…</source>
        <translation>添加笔记…</translation>
    </message>
    <message>
        <location filename="../views/reader_view.py" line="375"/>
        <source>Copy citation</source>
        <translation>复制引用</translation>
    </message>
    <message>
        <location filename="../views/reader_view.py" line="376"/>
        <source>Copy 《title》, source, date, section and file of the selection or passage (%1)</source>
        <translation>复制所选文字或当前段落的《标题》、来源、日期、章节和文件名（%1）</translation>
    </message>
    <message>
        <location filename="../views/reader_view.py" line="379"/>
        <source>Outline</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../views/reader_view.py" line="380"/>
        <source>Open a search result or an entity mention to read it here.</source>
        <translation>打开搜索结果或实体提及，即可在此阅读。</translation>
    </message>
    <message>
        <location filename="../views/reader_view.py" line="383"/>
        <source>Search hit</source>
        <translation>搜索命中</translation>
    </message>
    <message>
        <location filename="../views/reader_view.py" line="385"/>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../views/reader_view.py" line="387"/>
        <source>Legend:</source>
        <translation>图例：</translation>
    </message>
</context>
<context>
    <name>ReattachDialog</name>
    <message>
        <location filename="../views/reattach_dialog.py" line="45"/>
        <source>Re-attach note</source>
        <translation>重新锚定笔记</translation>
    </message>
    <message>
        <location filename="../views/reattach_dialog.py" line="49"/>
        <source>The quote was not found in its document any more. Choose a document; the quote is searched in it (you may shorten it first).</source>
        <translation>原文档中已找不到这段引文。请选择一个文档，将在其中查找引文（可先缩短引文）。</translation>
    </message>
    <message>
        <location filename="../views/reattach_dialog.py" line="70"/>
        <source>Re-attach</source>
        <translation>重新锚定</translation>
    </message>
    <message>
        <location filename="../views/reattach_dialog.py" line="74"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../views/reattach_dialog.py" line="75"/>
        <source>Quote</source>
        <translation>引文</translation>
    </message>
    <message>
        <location filename="../views/reattach_dialog.py" line="97"/>
        <source>The quote is empty.</source>
        <translation>引文为空。</translation>
    </message>
    <message>
        <location filename="../views/reattach_dialog.py" line="116"/>
        <source>The quote is not in “%1”. Choose another document or shorten the quote.</source>
        <translation>“%1”中找不到这段引文。请换一个文档，或缩短引文后重试。</translation>
    </message>
</context>
<context>
    <name>RegionPicker</name>
    <message>
        <location filename="../views/region_picker.py" line="101"/>
        <source>Regions (2–5, columns in the order you tick them)</source>
        <translation>地区（2–5 个，列按勾选顺序排列）</translation>
    </message>
    <message>
        <location filename="../views/region_picker.py" line="102"/>
        <source>Add a region, e.g. 贵阳 ⏎</source>
        <translation>添加地区，例如 贵阳 ⏎</translation>
    </message>
</context>
<context>
    <name>SearchHitModel</name>
    <message>
        <location filename="../models/search_model.py" line="50"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../models/search_model.py" line="51"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../models/search_model.py" line="52"/>
        <source>Section</source>
        <translation>章节</translation>
    </message>
    <message>
        <location filename="../models/search_model.py" line="53"/>
        <source>Snippet</source>
        <translation>摘要</translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message numerus="yes">
        <location filename="../views/search_view.py" line="218"/>
        <source>%n passage(s) found</source>
        <translation>
            <numerusform>找到 %n 个段落</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/search_view.py" line="220"/>
        <source>Nothing found for “%1”.</source>
        <translation>没有找到“%1”。</translation>
    </message>
    <message>
        <location filename="../views/search_view.py" line="270"/>
        <source>Search the documents (Ctrl+K)… e.g. 数据中心 region:贵州</source>
        <translation>搜索文档（Ctrl+K）… 例如：数据中心 region:贵州</translation>
    </message>
    <message>
        <location filename="../views/search_view.py" line="271"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../views/search_view.py" line="272"/>
        <source>Narrow by</source>
        <translation>筛选</translation>
    </message>
</context>
<context>
    <name>ThemeDialog</name>
    <message>
        <location filename="../views/theme_dialog.py" line="14"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../views/theme_dialog.py" line="18"/>
        <source>words, OR, &quot;phrases&quot; — e.g. 人才 OR 引才</source>
        <translation>词语、OR、&quot;短语&quot;——例如 人才 OR 引才</translation>
    </message>
    <message>
        <location filename="../views/theme_dialog.py" line="20"/>
        <source>e.g. talent, kind:target</source>
        <translation>例如 talent, kind:target</translation>
    </message>
    <message>
        <location filename="../views/theme_dialog.py" line="21"/>
        <source>Measure themes of this row, or kind:&lt;measure kind&gt;, separated by spaces</source>
        <translation>本行对应的措施主题，或 kind:&lt;措施类别&gt;，以空格分隔</translation>
    </message>
    <message>
        <location filename="../views/theme_dialog.py" line="22"/>
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../views/theme_dialog.py" line="23"/>
        <source>Query</source>
        <translation>检索式</translation>
    </message>
    <message>
        <location filename="../views/theme_dialog.py" line="24"/>
        <source>Measure themes</source>
        <translation>措施主题</translation>
    </message>
</context>
<context>
    <name>ThemeModel</name>
    <message>
        <location filename="../models/compare_model.py" line="184"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../models/compare_model.py" line="184"/>
        <source>Query</source>
        <translation>检索式</translation>
    </message>
</context>
<context>
    <name>ToolMixChart</name>
    <message>
        <location filename="../views/tool_mix_chart.py" line="32"/>
        <source>Supply</source>
        <translation>供给型</translation>
    </message>
    <message>
        <location filename="../views/tool_mix_chart.py" line="32"/>
        <source>Environment</source>
        <translation>环境型</translation>
    </message>
    <message>
        <location filename="../views/tool_mix_chart.py" line="32"/>
        <source>Demand</source>
        <translation>需求型</translation>
    </message>
    <message>
        <location filename="../views/tool_mix_chart.py" line="34"/>
        <source>Run a comparison to see the policy-instrument mix</source>
        <translation>运行比较后可查看政策工具结构</translation>
    </message>
</context>
</TS>
