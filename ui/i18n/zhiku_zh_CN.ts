<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CellDetailModel</name>
    <message>
        <location filename="../models/compare_model.py" line="189"/>
        <source>Figures</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../models/compare_model.py" line="190"/>
        <source>Sentence</source>
        <translation>原句</translation>
    </message>
    <message>
        <location filename="../models/compare_model.py" line="191"/>
        <source>Source</source>
        <translation>出处</translation>
    </message>
</context>
<context>
    <name>CellPanel</name>
    <message>
        <location filename="../views/cell_panel.py" line="169"/>
        <source>Open in reader</source>
        <translation>在阅读器中打开</translation>
    </message>
    <message>
        <location filename="../views/cell_panel.py" line="170"/>
        <location filename="../views/cell_panel.py" line="190"/>
        <source>Add note…</source>
        <translation>添加笔记…</translation>
    </message>
    <message>
        <location filename="../views/cell_panel.py" line="176"/>
        <source>Select a cell to see the sentences behind it</source>
        <translation>选择一个单元格，查看其依据的原句</translation>
    </message>
    <message>
        <location filename="../views/cell_panel.py" line="179"/>
        <source>%1 · %2: %3 sentences, %4 measures</source>
        <translation>%1 · %2：%3 句，%4 条措施</translation>
    </message>
    <message>
        <location filename="../views/cell_panel.py" line="184"/>
        <source>Cell note ▾</source>
        <translation>单元格笔记 ▾</translation>
    </message>
    <message>
        <location filename="../views/cell_panel.py" line="184"/>
        <source>Cell note ▸</source>
        <translation>单元格笔记 ▸</translation>
    </message>
    <message>
        <location filename="../views/cell_panel.py" line="187"/>
        <source>Your note for this cell (shown in the matrix instead of the sentences):</source>
        <translation>本单元格的笔记（在矩阵中代替原句显示）：</translation>
    </message>
    <message>
        <location filename="../views/cell_panel.py" line="191"/>
        <source>Add a note on the selected sentence</source>
        <translation>为选中的原句添加笔记</translation>
    </message>
    <message>
        <location filename="../views/cell_panel.py" line="193"/>
        <source>Open the selected sentence in the reader</source>
        <translation>在阅读器中打开选中的原句</translation>
    </message>
    <message>
        <location filename="../views/cell_panel.py" line="194"/>
        <source>Show or hide your own note for this cell</source>
        <translation>显示或隐藏本单元格的笔记</translation>
    </message>
    <message>
        <location filename="../views/cell_panel.py" line="188"/>
        <source>e.g. 人才政策未见具体条款</source>
        <translation>例如：人才政策未见具体条款</translation>
    </message>
    <message>
        <location filename="../views/cell_panel.py" line="189"/>
        <source>Save cell note</source>
        <translation>保存单元格笔记</translation>
    </message>
    <message>
        <location filename="../views/cell_panel.py" line="192"/>
        <source>Open</source>
        <translation>打开原文</translation>
    </message>
</context>
<context>
    <name>CompareModel</name>
    <message>
        <location filename="../models/compare_model.py" line="50"/>
        <source>✎ %1</source>
        <translation>✎ %1</translation>
    </message>
    <message>
        <location filename="../models/compare_model.py" line="52"/>
        <source>No relevant content</source>
        <translation>无相关内容</translation>
    </message>
    <message>
        <location filename="../models/compare_model.py" line="55"/>
        <source>%1 sentences · %2 measures</source>
        <translation>%1 句 · %2 条措施</translation>
    </message>
    <message>
        <location filename="../models/compare_model.py" line="58"/>
        <source> — select the cell for all</source>
        <translation>，选中单元格查看全部</translation>
    </message>
    <message>
        <location filename="../models/compare_model.py" line="71"/>
        <source> (1 doc)</source>
        <translation>（1 篇）</translation>
    </message>
    <message>
        <location filename="../models/compare_model.py" line="72"/>
        <source> (%1 docs)</source>
        <translation>（%1 篇）</translation>
    </message>
    <message>
        <location filename="../models/compare_model.py" line="79"/>
        <source>excl. %1 · %2</source>
        <translation>不含%1 · %2</translation>
    </message>
    <message>
        <location filename="../models/compare_model.py" line="171"/>
        <source>No documents</source>
        <translation>没有文档</translation>
    </message>
    <message>
        <location filename="../models/compare_model.py" line="176"/>
        <source>Click to expand or collapse this row</source>
        <translation>单击展开或收起这一行</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../views/compare_view.py" line="158"/>
        <source>Themes (rows)</source>
        <translation>主题（行）</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="159"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="160"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="161"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="162"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="163"/>
        <source>Include sub-regions</source>
        <translation>含下级地区</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="164"/>
        <source>Off: a region&apos;s column leaves out the documents of a chosen region inside it, so nothing shows twice. On: every column shows all its documents.</source>
        <translation>不勾选：某地区一栏不含已单独列出的下级地区的文档，同一内容不重复显示。勾选：每栏显示其全部文档（含下级）。</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="167"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="168"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿 (.xlsx)</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="168"/>
        <source>Word (.docx)</source>
        <translation>Word 文档 (.docx)</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="169"/>
        <source>Markdown (.md)</source>
        <translation>Markdown (.md)</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="169"/>
        <source>CSV (.csv)</source>
        <translation>CSV (.csv)</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="172"/>
        <source>Indicators</source>
        <translation>数字指标</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="354"/>
        <source>Cell note saved</source>
        <translation>单元格笔记已保存</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="358"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="375"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="172"/>
        <source>Matrix</source>
        <translation>对比矩阵</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="172"/>
        <source>Policy instruments</source>
        <translation>政策工具</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="229"/>
        <source>Zhiku</source>
        <translation>智库</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="249"/>
        <source>Remove the theme “%1”?</source>
        <translation>删除主题“%1”？</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="284"/>
        <source>Pick between %1 and %2 regions.</source>
        <translation>请选择 %1 到 %2 个地区。</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="290"/>
        <source>Comparing…</source>
        <translation>正在比较…</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="311"/>
        <source>Documents per region — %1</source>
        <translation>各地区文档数 — %1</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="365"/>
        <source>Export comparison</source>
        <translation>导出比较结果</translation>
    </message>
    <message>
        <location filename="../views/compare_view.py" line="382"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>DocHeader</name>
    <message>
        <location filename="../views/doc_header.py" line="108"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../views/doc_header.py" line="109"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../views/doc_header.py" line="110"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../views/doc_header.py" line="111"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../views/doc_header.py" line="112"/>
        <source>Issuer</source>
        <translation>发文机关</translation>
    </message>
    <message>
        <location filename="../views/doc_header.py" line="113"/>
        <source>Doc no.</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../views/doc_header.py" line="114"/>
        <source>Accessed</source>
        <translation>访问日期</translation>
    </message>
    <message>
        <location filename="../views/doc_header.py" line="115"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../views/doc_header.py" line="134"/>
        <location filename="../views/doc_header.py" line="154"/>
        <source>URL</source>
        <translation>网址</translation>
    </message>
    <message>
        <location filename="../views/doc_header.py" line="151"/>
        <source>Copy citation</source>
        <translation>复制引用</translation>
    </message>
    <message>
        <location filename="../views/doc_header.py" line="152"/>
        <source>Show raw page</source>
        <translation>显示原始网页</translation>
    </message>
    <message>
        <location filename="../views/doc_header.py" line="153"/>
        <source>Show the page as scraped, with the removed boilerplate greyed out</source>
        <translation>按抓取时的原样显示网页，被清除的栏目等以灰色显示</translation>
    </message>
    <message>
        <location filename="../views/doc_header.py" line="155"/>
        <source>Open in browser</source>
        <translation>在浏览器中打开</translation>
    </message>
    <message>
        <location filename="../views/doc_header.py" line="156"/>
        <source>Open this address in your web browser (Zhiku itself never loads it)</source>
        <translation>用系统浏览器打开此网址（智库本身从不加载它）</translation>
    </message>
</context>
<context>
    <name>DocumentMentionTableModel</name>
    <message>
        <location filename="../models/mention_model.py" line="61"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../models/mention_model.py" line="62"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../models/mention_model.py" line="63"/>
        <source>Document&apos;s region</source>
        <translation>文档所属地区</translation>
    </message>
    <message>
        <location filename="../models/mention_model.py" line="64"/>
        <source>Mentions</source>
        <translation>提及数</translation>
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
        <location filename="../views/entity_page.py" line="180"/>
        <source>Not located here</source>
        <translation>不在此处</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="188"/>
        <source>Not in “%1”…</source>
        <translation>不在“%1”…</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="190"/>
        <source>Not located anywhere we know…</source>
        <translation>没有已知所在地…</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="202"/>
        <source>“%1” is not located in “%2”? Its placement there is removed, and stays removed on re-import.</source>
        <translation>“%1”不在“%2”？将删除这一定位，重新导入后也不会恢复。</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="204"/>
        <source>“%1” is not located anywhere the documents say? Every placement is removed, and stays removed on re-import.</source>
        <translation>“%1”不在文档所说的任何地方？将删除全部定位，重新导入后也不会恢复。</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="217"/>
        <source>Remove the link “%1: %2”? It stays removed on re-import.</source>
        <translation>删除关联“%1：%2”？重新导入后也不会恢复。</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="237"/>
        <source>Open “%1”</source>
        <translation>打开“%1”</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="240"/>
        <source>Not located here…</source>
        <translation>不在此处…</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="243"/>
        <source>Remove this link…</source>
        <translation>删除此关联…</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="259"/>
        <source>Rename, retype, merge or delete this entity; kept on re-import</source>
        <translation>重命名、更改类型、合并或删除此实体；重新导入后仍然保留</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="277"/>
        <source>Open in reader</source>
        <translation>在阅读器中打开</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="278"/>
        <location filename="../views/entity_page.py" line="349"/>
        <source>Add note…</source>
        <translation>添加笔记…</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="292"/>
        <source>This entity no longer exists.</source>
        <translation>该实体已不存在。</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="301"/>
        <source>not placed: the documents only mention it</source>
        <translation>未定位：文档只是提及它</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="306"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="307"/>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="310"/>
        <source>Located in</source>
        <translation>位于</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="312"/>
        <source>Mentioned in documents about</source>
        <translation>提及地区</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="315"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="327"/>
        <source>Linked entities (%1)</source>
        <translation>关联实体（%1）</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="328"/>
        <source>Mentions (%1)</source>
        <translation>提及（%1）</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="329"/>
        <source>Measures mentioning it (%1)</source>
        <translation>涉及它的政策措施（%1）</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="330"/>
        <source>Documents mentioning it (%1) — where it is talked about, not where it is; double-click to read</source>
        <translation>提及它的文档（%1）——在哪里被提及，而非它所在的地方；双击阅读</translation>
    </message>
    <message>
        <location filename="../views/entity_page.py" line="350"/>
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
        <location filename="../views/entity_view.py" line="105"/>
        <location filename="../views/entity_view.py" line="153"/>
        <source>All regions</source>
        <translation>全部地区</translation>
    </message>
    <message>
        <location filename="../views/entity_view.py" line="125"/>
        <source>%1 of %2 entities</source>
        <translation>显示 %1 / 共 %2 个实体</translation>
    </message>
    <message>
        <location filename="../views/entity_view.py" line="135"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../views/entity_view.py" line="151"/>
        <source>Filter by name or alias…</source>
        <translation>按名称或别名筛选…</translation>
    </message>
    <message>
        <location filename="../views/entity_view.py" line="152"/>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <location filename="../export_menu.py" line="95"/>
        <source>notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../export_menu.py" line="95"/>
        <source>comparison</source>
        <translation>地区比较</translation>
    </message>
    <message>
        <location filename="../export_menu.py" line="95"/>
        <source>entities</source>
        <translation>实体</translation>
    </message>
    <message>
        <location filename="../export_menu.py" line="96"/>
        <source>measures</source>
        <translation>政策措施</translation>
    </message>
    <message>
        <location filename="../export_menu.py" line="96"/>
        <source>references</source>
        <translation>参考文献</translation>
    </message>
    <message>
        <location filename="../export_menu.py" line="99"/>
        <source>Export notes</source>
        <translation>导出笔记</translation>
    </message>
    <message>
        <location filename="../export_menu.py" line="99"/>
        <source>Export comparison</source>
        <translation>导出比较结果</translation>
    </message>
    <message>
        <location filename="../export_menu.py" line="100"/>
        <source>Export entities</source>
        <translation>导出实体</translation>
    </message>
    <message>
        <location filename="../export_menu.py" line="100"/>
        <source>Export measures</source>
        <translation>导出政策措施</translation>
    </message>
    <message>
        <location filename="../export_menu.py" line="101"/>
        <source>Export references</source>
        <translation>导出参考文献</translation>
    </message>
    <message>
        <location filename="../export_menu.py" line="104"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../export_menu.py" line="105"/>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../export_menu.py" line="105"/>
        <source>Comparison</source>
        <translation>地区比较</translation>
    </message>
    <message>
        <location filename="../export_menu.py" line="105"/>
        <source>Entities</source>
        <translation>实体</translation>
    </message>
    <message>
        <location filename="../export_menu.py" line="106"/>
        <source>Measures</source>
        <translation>政策措施</translation>
    </message>
    <message>
        <location filename="../export_menu.py" line="106"/>
        <source>References</source>
        <translation>参考文献</translation>
    </message>
    <message>
        <location filename="../export_menu.py" line="109"/>
        <source>Every document of the library</source>
        <translation>文档库全部文档</translation>
    </message>
    <message>
        <location filename="../export_menu.py" line="109"/>
        <source>Documents of the search shown</source>
        <translation>当前检索结果的文档</translation>
    </message>
    <message>
        <location filename="../export_menu.py" line="110"/>
        <source>Documents of the notes listed</source>
        <translation>笔记列表中笔记所属的文档</translation>
    </message>
</context>
<context>
    <name>FacetModel</name>
    <message>
        <location filename="../models/facet_model.py" line="197"/>
        <source>Undated</source>
        <translation>未标日期</translation>
    </message>
</context>
<context>
    <name>GroupEditor</name>
    <message>
        <location filename="../views/thesaurus_editor.py" line="42"/>
        <source>Edit thesaurus group</source>
        <translation>编辑同义词组</translation>
    </message>
    <message>
        <location filename="../views/thesaurus_editor.py" line="42"/>
        <source>New thesaurus group</source>
        <translation>新建同义词组</translation>
    </message>
    <message>
        <location filename="../views/thesaurus_editor.py" line="44"/>
        <source>One term per line, or separated by 、</source>
        <translation>每行一个词，或用“、”分隔</translation>
    </message>
    <message>
        <location filename="../views/thesaurus_editor.py" line="50"/>
        <source>Synonyms stand for each other in a search; related terms are broader, narrower or associated, and are searched after the synonyms</source>
        <translation>同义词在检索中可相互替代；相关词为上位、下位或关联词，在同义词之后检索</translation>
    </message>
    <message>
        <location filename="../views/thesaurus_editor.py" line="58"/>
        <source>Terms</source>
        <translation>词语</translation>
    </message>
    <message>
        <location filename="../views/thesaurus_editor.py" line="59"/>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <location filename="../views/thesaurus_editor.py" line="60"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../views/thesaurus_editor.py" line="80"/>
        <source>A group needs two different terms at least.</source>
        <translation>一个词组至少需要两个不同的词。</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <location filename="../views/import_dialog.py" line="29"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="47"/>
        <source>Added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="48"/>
        <source>Replaced (changed file)</source>
        <translation>已替换（文件有变化）</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="49"/>
        <source>Skipped, unchanged</source>
        <translation>已跳过（未变化）</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="50"/>
        <source>Skipped, duplicate of</source>
        <translation>已跳过（重复）</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="51"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="54"/>
        <source>The import was cancelled; the files above were kept.</source>
        <translation>导入已取消；上面列出的文件已保留。</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="70"/>
        <source>%1 added, %2 skipped, %3 failed in %4 s</source>
        <translation>添加 %1 个，跳过 %2 个，失败 %3 个，用时 %4 秒</translation>
    </message>
</context>
<context>
    <name>IndicatorModel</name>
    <message>
        <location filename="../models/compare_model.py" line="218"/>
        <source> ×%1</source>
        <translation> ×%1</translation>
    </message>
    <message>
        <location filename="../models/compare_model.py" line="268"/>
        <source>+%1 more</source>
        <translation>另有 %1 项</translation>
    </message>
</context>
<context>
    <name>IndicatorTab</name>
    <message>
        <location filename="../views/compare_tabs.py" line="88"/>
        <source>Figures side by side: targets first, then results. Click an indicator to expand its row; double-click a cell to read the sentence.</source>
        <translation>各地区数字并列：先列目标，再列成效。单击指标展开该行；双击单元格阅读原句。</translation>
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
        <location filename="../labels.py" line="63"/>
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
        <location filename="../labels.py" line="42"/>
        <source>5G base stations</source>
        <translation>5G基站</translation>
    </message>
    <message>
        <location filename="../labels.py" line="43"/>
        <source>Data-centre racks</source>
        <translation>数据中心机架</translation>
    </message>
    <message>
        <location filename="../labels.py" line="44"/>
        <source>Computing power</source>
        <translation>算力</translation>
    </message>
    <message>
        <location filename="../labels.py" line="45"/>
        <source>Scale, output, revenue</source>
        <translation>规模·产值·收入</translation>
    </message>
    <message>
        <location filename="../labels.py" line="46"/>
        <source>Investment</source>
        <translation>投资</translation>
    </message>
    <message>
        <location filename="../labels.py" line="47"/>
        <source>Funds and awards</source>
        <translation>资金·奖补</translation>
    </message>
    <message>
        <location filename="../labels.py" line="48"/>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../labels.py" line="49"/>
        <source>Talent</source>
        <translation>人才</translation>
    </message>
    <message>
        <location filename="../labels.py" line="50"/>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../labels.py" line="51"/>
        <source>Platforms and carriers</source>
        <translation>平台·载体</translation>
    </message>
    <message>
        <location filename="../labels.py" line="52"/>
        <source>Shares and growth</source>
        <translation>比重·增速</translation>
    </message>
    <message>
        <location filename="../labels.py" line="53"/>
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <location filename="../labels.py" line="54"/>
        <source>Other amounts</source>
        <translation>其他金额</translation>
    </message>
    <message>
        <location filename="../labels.py" line="55"/>
        <source>Other counts</source>
        <translation>其他数量</translation>
    </message>
    <message>
        <location filename="../labels.py" line="58"/>
        <source>Supply</source>
        <translation>供给型</translation>
    </message>
    <message>
        <location filename="../labels.py" line="59"/>
        <source>Environment</source>
        <translation>环境型</translation>
    </message>
    <message>
        <location filename="../labels.py" line="60"/>
        <source>Demand</source>
        <translation>需求型</translation>
    </message>
    <message>
        <location filename="../labels.py" line="64"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../labels.py" line="65"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../labels.py" line="66"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../labels.py" line="67"/>
        <source>Entity type</source>
        <translation>实体类型</translation>
    </message>
    <message>
        <location filename="../labels.py" line="68"/>
        <source>Issuer</source>
        <translation>发文机关</translation>
    </message>
    <message>
        <location filename="../labels.py" line="69"/>
        <source>Doc no.</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../labels.py" line="73"/>
        <source>Verbatim</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../labels.py" line="74"/>
        <location filename="../labels.py" line="80"/>
        <source>Synonym</source>
        <translation>同义</translation>
    </message>
    <message>
        <location filename="../labels.py" line="75"/>
        <source>Related term</source>
        <translation>相关词</translation>
    </message>
    <message>
        <location filename="../labels.py" line="76"/>
        <source>Words in one passage</source>
        <translation>同段分词</translation>
    </message>
    <message>
        <location filename="../labels.py" line="77"/>
        <source>Words in one document</source>
        <translation>同文档</translation>
    </message>
    <message>
        <location filename="../labels.py" line="81"/>
        <source>Related</source>
        <translation>相关</translation>
    </message>
    <message>
        <location filename="../labels.py" line="84"/>
        <source>Shipped</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../labels.py" line="85"/>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../labels.py" line="86"/>
        <source>Shipped, edited</source>
        <translation>内置（已修改）</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <location filename="../models/library_model.py" line="24"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../models/library_model.py" line="25"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../models/library_model.py" line="26"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../models/library_model.py" line="27"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../models/library_model.py" line="28"/>
        <source>Issuer</source>
        <translation>发文机关</translation>
    </message>
    <message>
        <location filename="../models/library_model.py" line="29"/>
        <source>Doc no.</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../models/library_model.py" line="30"/>
        <source>Passages</source>
        <translation>段落</translation>
    </message>
    <message>
        <location filename="../models/library_model.py" line="31"/>
        <source>Entities</source>
        <translation>实体</translation>
    </message>
    <message>
        <location filename="../models/library_model.py" line="32"/>
        <source>Measures</source>
        <translation>措施</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <location filename="../views/library_view.py" line="107"/>
        <location filename="../views/library_view.py" line="174"/>
        <source>All regions</source>
        <translation>全部地区</translation>
    </message>
    <message>
        <location filename="../views/library_view.py" line="115"/>
        <source>%1 of %2 documents</source>
        <translation>共 %2 篇文档，显示 %1 篇</translation>
    </message>
    <message>
        <location filename="../views/library_view.py" line="155"/>
        <source>Zhiku</source>
        <translation>智库</translation>
    </message>
    <message>
        <location filename="../views/library_view.py" line="162"/>
        <source>Remove “%1” from the library? Its passages, entities and measures go; notes on it stay, marked orphaned.</source>
        <translation>从文档库中移除“%1”？其段落、实体和措施将被删除；相关笔记会保留，并标记为“已失联”。</translation>
    </message>
    <message>
        <location filename="../views/library_view.py" line="168"/>
        <source>Removed “%1”.</source>
        <translation>已移除“%1”。</translation>
    </message>
    <message>
        <location filename="../views/library_view.py" line="172"/>
        <source>Filter by title, issuer, doc no., source or file…</source>
        <translation>按标题、发文机关、文号、来源或文件名筛选…</translation>
    </message>
    <message>
        <location filename="../views/library_view.py" line="173"/>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../views/library_view.py" line="175"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../views/library_view.py" line="176"/>
        <source>Remove from library…</source>
        <translation>从文档库移除…</translation>
    </message>
</context>
<context>
    <name>LinkTableModel</name>
    <message>
        <location filename="../models/link_model.py" line="17"/>
        <source>Built by</source>
        <translation>建设方</translation>
    </message>
    <message>
        <location filename="../models/link_model.py" line="18"/>
        <source>Builds</source>
        <translation>建设</translation>
    </message>
    <message>
        <location filename="../models/link_model.py" line="19"/>
        <source>Located in</source>
        <translation>位于</translation>
    </message>
    <message>
        <location filename="../models/link_model.py" line="20"/>
        <source>Contains</source>
        <translation>包含</translation>
    </message>
    <message>
        <location filename="../models/link_model.py" line="21"/>
        <source>Part of</source>
        <translation>隶属</translation>
    </message>
    <message>
        <location filename="../models/link_model.py" line="22"/>
        <source>Has unit</source>
        <translation>下设</translation>
    </message>
    <message>
        <location filename="../models/link_model.py" line="23"/>
        <source>Mentioned with</source>
        <translation>共同提及</translation>
    </message>
    <message>
        <location filename="../models/link_model.py" line="34"/>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <location filename="../models/link_model.py" line="35"/>
        <source>Entity</source>
        <translation>实体</translation>
    </message>
    <message>
        <location filename="../models/link_model.py" line="36"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../models/link_model.py" line="37"/>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../models/link_model.py" line="38"/>
        <source>Sentence</source>
        <translation>所在句子</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="207"/>
        <location filename="../window_workspace.py" line="105"/>
        <source>Opening the knowledge base…</source>
        <translation>正在打开知识库…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="226"/>
        <source>%1 documents, %2 passages</source>
        <translation>%1 篇文档，%2 个段落</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="356"/>
        <location filename="../main_window.py" line="393"/>
        <source>An import is already running.</source>
        <translation>已有导入任务在进行。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="358"/>
        <source>Importing the starter corpus…</source>
        <translation>正在导入初始语料…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="358"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="370"/>
        <source>Import documents</source>
        <translation>导入文档</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="371"/>
        <source>Documents (*.txt *.md *.html *.htm *.docx *.pdf);;All files (*)</source>
        <translation>文档 (*.txt *.md *.html *.htm *.docx *.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="376"/>
        <source>Import a folder</source>
        <translation>导入文件夹</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="395"/>
        <source>Reprocessing originals…</source>
        <translation>正在重新处理原文…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="400"/>
        <source>Reprocessed: %1 changed, %2 unchanged, %3 skipped, %4 failed</source>
        <translation>重新处理完成：%1 篇有变化，%2 篇无变化，%3 篇跳过，%4 篇失败</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="404"/>
        <source>(cancelled)</source>
        <translation>（已取消）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="443"/>
        <source>Zhiku — policy library</source>
        <translation>智库 — 政策文献库</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="447"/>
        <source>(read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="448"/>
        <source>Read-only: %1</source>
        <translation>只读：%1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="453"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="453"/>
        <source>Read</source>
        <translation>阅读</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="453"/>
        <source>Entities</source>
        <translation>实体</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="453"/>
        <source>Library</source>
        <translation>文档库</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="454"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="454"/>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="457"/>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="458"/>
        <source>Back (Alt+Left)</source>
        <translation>后退（Alt+←）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="459"/>
        <source>Forward</source>
        <translation>前进</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="460"/>
        <source>Forward (Alt+Right)</source>
        <translation>前进（Alt+→）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="461"/>
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="462"/>
        <source>Import folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="463"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="464"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="465"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="466"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="467"/>
        <source>Thesaurus…</source>
        <translation>同义词库…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="468"/>
        <source>The synonyms and related terms a search falls back on</source>
        <translation>检索找不到原词时改用的同义词和相关词</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="469"/>
        <source>Reprocess originals…</source>
        <translation>重新处理原文…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="471"/>
        <source>Read every document&apos;s kept original again with this version&apos;s readers and extractors; notes stay attached</source>
        <translation>用当前版本的读取、清洗和抽取程序重新读取每篇文档保存的原文；笔记保持关联</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="472"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../window_workspace.py" line="48"/>
        <source>another Zhiku window has this knowledge base open</source>
        <translation>另一个智库窗口已打开此知识库</translation>
    </message>
    <message>
        <location filename="../window_workspace.py" line="49"/>
        <source>its folder cannot be written (read-only media, or no permission)</source>
        <translation>其所在文件夹无法写入（只读介质或没有权限）</translation>
    </message>
    <message>
        <location filename="../window_workspace.py" line="53"/>
        <source>Read-only: %1; importing, notes and entity corrections are off.</source>
        <translation>只读：%1；导入、笔记和实体纠正均不可用。</translation>
    </message>
    <message>
        <location filename="../window_workspace.py" line="80"/>
        <source>Renamed “%1” to “%2”.</source>
        <translation>已将“%1”重命名为“%2”。</translation>
    </message>
    <message>
        <location filename="../window_workspace.py" line="81"/>
        <source>“%1” is now of type %2.</source>
        <translation>“%1”的类型已改为%2。</translation>
    </message>
    <message>
        <location filename="../window_workspace.py" line="82"/>
        <source>Merged “%1” into “%2”.</source>
        <translation>已将“%1”合并到“%2”。</translation>
    </message>
    <message>
        <location filename="../window_workspace.py" line="83"/>
        <source>Deleted “%1”.</source>
        <translation>已删除“%1”。</translation>
    </message>
    <message>
        <location filename="../window_workspace.py" line="84"/>
        <source>“%1” is no longer placed in “%2”.</source>
        <translation>“%1”已不再定位于“%2”。</translation>
    </message>
    <message>
        <location filename="../window_workspace.py" line="85"/>
        <source>“%1” is no longer placed anywhere.</source>
        <translation>“%1”已不再有所在地。</translation>
    </message>
    <message>
        <location filename="../window_workspace.py" line="86"/>
        <source>Removed the link between “%1” and “%2”.</source>
        <translation>已删除“%1”与“%2”之间的关联。</translation>
    </message>
    <message>
        <location filename="../window_workspace.py" line="116"/>
        <source>Note added — see Notes.</source>
        <translation>笔记已添加，可在“笔记”中查看。</translation>
    </message>
    <message>
        <location filename="../window_workspace.py" line="119"/>
        <source>Citation copied: %1</source>
        <translation>已复制引用：%1</translation>
    </message>
    <message>
        <location filename="../window_workspace.py" line="123"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
</context>
<context>
    <name>MatrixTab</name>
    <message>
        <location filename="../views/matrix_tab.py" line="107"/>
        <source>Hide evidence ▾</source>
        <translation>隐藏依据 ▾</translation>
    </message>
    <message>
        <location filename="../views/matrix_tab.py" line="107"/>
        <source>Show evidence ▴</source>
        <translation>显示依据 ▴</translation>
    </message>
    <message>
        <location filename="../views/matrix_tab.py" line="128"/>
        <source>Click a theme to expand its row; select a cell to read its evidence.</source>
        <translation>单击主题展开该行；选中单元格查看依据原句。</translation>
    </message>
</context>
<context>
    <name>MeasureTableModel</name>
    <message>
        <location filename="../models/measure_model.py" line="23"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../models/measure_model.py" line="24"/>
        <source>Amount</source>
        <translation>金额/数量</translation>
    </message>
    <message>
        <location filename="../models/measure_model.py" line="25"/>
        <source>Instrument</source>
        <translation>政策工具</translation>
    </message>
    <message>
        <location filename="../models/measure_model.py" line="26"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../models/measure_model.py" line="27"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../models/measure_model.py" line="28"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../models/measure_model.py" line="29"/>
        <source>Text</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../models/measure_model.py" line="72"/>
        <source>basis: %1</source>
        <translation>依据：%1</translation>
    </message>
</context>
<context>
    <name>MentionTableModel</name>
    <message>
        <location filename="../models/mention_model.py" line="22"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../models/mention_model.py" line="23"/>
        <source>As written</source>
        <translation>原文写法</translation>
    </message>
    <message>
        <location filename="../models/mention_model.py" line="24"/>
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
    <name>ProgressStrip</name>
    <message>
        <location filename="../views/progress_bar.py" line="52"/>
        <source>Importing %1/%2 %3</source>
        <translation>正在导入 %1/%2 %3</translation>
    </message>
    <message>
        <location filename="../views/progress_bar.py" line="54"/>
        <source>%1 docs/s</source>
        <translation>%1 篇/秒</translation>
    </message>
    <message>
        <location filename="../views/progress_bar.py" line="65"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../views/progress_bar.py" line="69"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="qt_strings.py" line="14"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="qt_strings.py" line="15"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <location filename="../views/reader_view.py" line="283"/>
        <source>Switch back to the cleaned text to add a note</source>
        <translation>切换回正文视图后才能添加笔记</translation>
    </message>
    <message>
        <location filename="../views/reader_view.py" line="285"/>
        <source>Note the selected text (%1)</source>
        <translation>为选中的文字添加笔记（%1）</translation>
    </message>
    <message>
        <location filename="../views/reader_view.py" line="313"/>
        <source>Removed: %1</source>
        <translation>已清除：%1</translation>
    </message>
    <message>
        <location filename="../views/reader_view.py" line="386"/>
        <source>Add note…</source>
        <translation>添加笔记…</translation>
    </message>
    <message>
        <location filename="../views/reader_view.py" line="388"/>
        <source>Copy citation</source>
        <translation>复制引用</translation>
    </message>
    <message>
        <location filename="../views/reader_view.py" line="389"/>
        <source>Copy 《title》, source, date, section and file of the selection or passage (%1)</source>
        <translation>复制所选文字或当前段落的《标题》、来源、日期、章节和文件名（%1）</translation>
    </message>
    <message>
        <location filename="../views/reader_view.py" line="392"/>
        <source>Outline</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../views/reader_view.py" line="393"/>
        <source>Open a search result or an entity mention to read it here.</source>
        <translation>打开搜索结果或实体提及，即可在此阅读。</translation>
    </message>
    <message>
        <location filename="../views/reader_view.py" line="396"/>
        <source>Search hit</source>
        <translation>搜索命中</translation>
    </message>
    <message>
        <location filename="../views/reader_view.py" line="398"/>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../views/reader_view.py" line="400"/>
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
        <location filename="../views/region_picker.py" line="109"/>
        <source>Regions (2–5, columns in the order you tick them)</source>
        <translation>地区（2–5 个，列按勾选顺序排列）</translation>
    </message>
    <message>
        <location filename="../views/region_picker.py" line="110"/>
        <source>Add a region, e.g. 贵阳 ⏎</source>
        <translation>添加地区，例如 贵阳 ⏎</translation>
    </message>
</context>
<context>
    <name>SearchHitModel</name>
    <message>
        <location filename="../models/search_model.py" line="68"/>
        <source>matched: %1</source>
        <translation>匹配：%1</translation>
    </message>
    <message>
        <location filename="../models/search_model.py" line="93"/>
        <source>%1 matching passage(s)</source>
        <translation>%1 个匹配段落</translation>
    </message>
    <message>
        <location filename="../models/search_model.py" line="128"/>
        <source>More results through synonyms, related terms and words apart: %1</source>
        <translation>更多结果（同义词、相关词、分词）：%1 个段落</translation>
    </message>
    <message>
        <location filename="../models/search_model.py" line="140"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../models/search_model.py" line="141"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../models/search_model.py" line="142"/>
        <source>Section</source>
        <translation>章节</translation>
    </message>
    <message>
        <location filename="../models/search_model.py" line="143"/>
        <source>Snippet</source>
        <translation>摘要</translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message numerus="yes">
        <location filename="../views/search_view.py" line="222"/>
        <source>%n passage(s) found</source>
        <translation>
            <numerusform>找到 %n 个段落</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/search_view.py" line="214"/>
        <source>Nothing found for “%1”.</source>
        <translation>没有找到“%1”。</translation>
    </message>
    <message>
        <location filename="../views/search_view.py" line="40"/>
        <source>No verbatim match for %1; showing synonym matches</source>
        <translation>未找到%1原文，以下为同义词结果</translation>
    </message>
    <message>
        <location filename="../views/search_view.py" line="41"/>
        <source>No verbatim match for %1; showing synonym and related-term matches</source>
        <translation>未找到%1原文，以下为同义/相关词结果</translation>
    </message>
    <message>
        <location filename="../views/search_view.py" line="42"/>
        <source>No verbatim match for %1; showing passages that hold all its words</source>
        <translation>未找到%1原文，以下为分词（各词出现在同一段落）结果</translation>
    </message>
    <message>
        <location filename="../views/search_view.py" line="43"/>
        <source>No verbatim match for %1; showing documents that hold all its words</source>
        <translation>未找到%1原文，以下为各词出现在同一文件结果</translation>
    </message>
    <message>
        <location filename="../views/search_view.py" line="50"/>
        <source>the search terms</source>
        <translation>检索词</translation>
    </message>
    <message>
        <location filename="../views/search_view.py" line="56"/>
        <source>Nothing found for %1, and no synonym or related match either</source>
        <translation>未找到%1，也没有同义或相关结果</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/search_view.py" line="220"/>
        <source>%n passage(s) found in %1 document(s)</source>
        <translation>
            <numerusform>在 %1 篇文档中找到 %n 个段落</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/search_view.py" line="224"/>
        <source>, and %1 more through the thesaurus</source>
        <translation>，另经同义词库找到 %1 个</translation>
    </message>
    <message>
        <location filename="../views/search_view.py" line="273"/>
        <source>Undated</source>
        <translation>未标日期</translation>
    </message>
    <message>
        <location filename="../views/search_view.py" line="293"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../views/search_view.py" line="294"/>
        <source>By document</source>
        <translation>按文档</translation>
    </message>
    <message>
        <location filename="../views/search_view.py" line="295"/>
        <source>One row per document with its best passages under it</source>
        <translation>每篇文档一行，其下列出最相关的段落</translation>
    </message>
    <message>
        <location filename="../views/search_view.py" line="297"/>
        <source>Words are all required; OR, NOT or -word, &quot;quoted phrases&quot; (never widened), filters such as region: year: kind: issuer: 文号:.
A concept typed in your own words that the documents do not use is looked up in the thesaurus (Tools ▸ Thesaurus…): its synonyms and related terms are searched instead, each result marked as such.</source>
        <translation>各词须同时出现；可用 OR、NOT 或 -词、“加引号的短语”（不作放宽），以及 地区: 年份: 类型: 发文机关: 文号: 等筛选。
用自己的话检索某个概念而文档中没有这种说法时，会查同义词库（工具 ▸ 同义词库…），改检其同义词和相关词，每条结果都注明匹配方式。</translation>
    </message>
    <message>
        <location filename="../views/search_view.py" line="301"/>
        <source>Narrow by</source>
        <translation>筛选</translation>
    </message>
    <message>
        <location filename="../views/search_view.py" line="312"/>
        <source>Search the documents (Ctrl+K)… e.g. %1 — concepts also find their synonyms</source>
        <translation>检索文档（Ctrl+K）… 例如 %1 —— 概念检索也会查找同义词</translation>
    </message>
    <message>
        <location filename="../views/search_view.py" line="315"/>
        <source>Search the documents (Ctrl+K)… concepts also find their synonyms</source>
        <translation>检索文档（Ctrl+K）… 概念检索也会查找同义词</translation>
    </message>
</context>
<context>
    <name>SuggestionPanel</name>
    <message>
        <location filename="../views/suggestion_panel.py" line="27"/>
        <source>Undated</source>
        <translation>未标日期</translation>
    </message>
    <message>
        <location filename="../views/suggestion_panel.py" line="68"/>
        <source>Example from this library: “%1”</source>
        <translation>本库示例：“%1”</translation>
    </message>
    <message>
        <location filename="../views/suggestion_panel.py" line="70"/>
        <source>Also tried (in the thesaurus, not in this library): %1</source>
        <translation>也已尝试（同义词库中有，本库中没有）：%1</translation>
    </message>
    <message>
        <location filename="../views/suggestion_panel.py" line="73"/>
        <source>Try instead:</source>
        <translation>可以改为：</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/suggestion_panel.py" line="82"/>
        <source>Without the filter %1: %n passage(s)</source>
        <translation>
            <numerusform>去掉筛选条件 %1：%n 个段落</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/suggestion_panel.py" line="84"/>
        <source>Search “%1” (thesaurus): %n passage(s)</source>
        <translation>
            <numerusform>检索“%1”（同义词库）：%n 个段落</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/suggestion_panel.py" line="85"/>
        <source>Did you mean “%1”? %n passage(s)</source>
        <translation>
            <numerusform>是否要找“%1”？%n 个段落</numerusform>
        </translation>
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
        <location filename="../models/compare_model.py" line="313"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../models/compare_model.py" line="313"/>
        <source>Query</source>
        <translation>检索式</translation>
    </message>
</context>
<context>
    <name>ThesaurusDialog</name>
    <message>
        <location filename="../views/thesaurus_dialog.py" line="144"/>
        <source>%1 of %2 groups</source>
        <translation>%1 / %2 组</translation>
    </message>
    <message>
        <location filename="../views/thesaurus_dialog.py" line="158"/>
        <source>Switch off</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../views/thesaurus_dialog.py" line="158"/>
        <source>Switch on</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../views/thesaurus_dialog.py" line="159"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../views/thesaurus_dialog.py" line="159"/>
        <source>Remove (switch off)</source>
        <translation>删除（停用）</translation>
    </message>
    <message>
        <location filename="../views/thesaurus_dialog.py" line="160"/>
        <source>The library is read-only</source>
        <translation>知识库为只读</translation>
    </message>
    <message>
        <location filename="../views/thesaurus_dialog.py" line="164"/>
        <source>Undo your changes to a shipped group and switch it on</source>
        <translation>撤销对内置词组的修改并重新启用</translation>
    </message>
    <message>
        <location filename="../views/thesaurus_dialog.py" line="175"/>
        <location filename="../views/thesaurus_dialog.py" line="238"/>
        <source>Thesaurus</source>
        <translation>同义词库</translation>
    </message>
    <message>
        <location filename="../views/thesaurus_dialog.py" line="182"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../views/thesaurus_dialog.py" line="211"/>
        <source>Delete the group “%1”?</source>
        <translation>删除词组“%1”？</translation>
    </message>
    <message>
        <location filename="../views/thesaurus_dialog.py" line="227"/>
        <source>Saved; the search shown is run again.</source>
        <translation>已保存；当前检索已重新运行。</translation>
    </message>
    <message>
        <location filename="../views/thesaurus_dialog.py" line="239"/>
        <source>Find a term, a note or a source…</source>
        <translation>查找词语、备注或来源…</translation>
    </message>
    <message>
        <location filename="../views/thesaurus_dialog.py" line="240"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../views/thesaurus_dialog.py" line="241"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../views/thesaurus_dialog.py" line="242"/>
        <source>Reset</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../views/thesaurus_dialog.py" line="243"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ThesaurusModel</name>
    <message>
        <location filename="../models/thesaurus_model.py" line="29"/>
        <source>Terms</source>
        <translation>词语</translation>
    </message>
    <message>
        <location filename="../models/thesaurus_model.py" line="30"/>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <location filename="../models/thesaurus_model.py" line="31"/>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../models/thesaurus_model.py" line="32"/>
        <source>Whose</source>
        <translation>归属</translation>
    </message>
    <message>
        <location filename="../models/thesaurus_model.py" line="33"/>
        <source>Source / note</source>
        <translation>来源 / 备注</translation>
    </message>
    <message>
        <location filename="../models/thesaurus_model.py" line="62"/>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../models/thesaurus_model.py" line="63"/>
        <source>Off</source>
        <translation>停用</translation>
    </message>
</context>
<context>
    <name>ToolMixChart</name>
    <message>
        <location filename="../views/tool_mix_chart.py" line="64"/>
        <source>%1 · %2: %3 of %4 measures (%5%)</source>
        <translation>%1 · %2：%4 条措施中的 %3 条（%5%）</translation>
    </message>
    <message>
        <location filename="../views/tool_mix_chart.py" line="92"/>
        <source>Run a comparison to see the policy-instrument mix</source>
        <translation>运行比较后可查看政策工具结构</translation>
    </message>
    <message>
        <location filename="../views/tool_mix_chart.py" line="70"/>
        <source>Share of the region&apos;s measures</source>
        <translation>占该地区措施的比例</translation>
    </message>
    <message>
        <location filename="../views/tool_mix_chart.py" line="70"/>
        <source>Region (click a bar to list its measures)</source>
        <translation>地区（单击柱形查看其措施）</translation>
    </message>
    <message>
        <location filename="../views/tool_mix_chart.py" line="71"/>
        <source>Policy instrument:</source>
        <translation>政策工具：</translation>
    </message>
</context>
<context>
    <name>ToolTab</name>
    <message>
        <location filename="../views/compare_tabs.py" line="152"/>
        <source>%1 · %2: %3 measures (double-click to read)</source>
        <translation>%1 · %2：%3 条措施（双击阅读原文）</translation>
    </message>
    <message>
        <location filename="../views/compare_tabs.py" line="162"/>
        <source>Click a bar to list its measures.</source>
        <translation>单击柱形，列出其措施。</translation>
    </message>
</context>
</TS>
