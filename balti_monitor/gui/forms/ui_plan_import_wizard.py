"""Generated from ``ui/plan_import_wizard.ui`` by ``tools/compile_ui.py`` (pyside6-uic): do not edit, edit the .ui file."""

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QSizePolicy, QSpacerItem, QSpinBox,
    QTableWidget, QTableWidgetItem, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout, QWidget, QWizard, QWizardPage)

class Ui_PlanImportWizard:
    def setupUi(self, PlanImportWizard: QWizard) -> None:
        if not PlanImportWizard.objectName():
            PlanImportWizard.setObjectName(u"PlanImportWizard")
        PlanImportWizard.resize(1000, 640)
        PlanImportWizard.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.tablesPage = QWizardPage()
        self.tablesPage.setObjectName(u"tablesPage")
        self.tablesLayout = QVBoxLayout(self.tablesPage)
        self.tablesLayout.setObjectName(u"tablesLayout")
        self.kindLayout = QHBoxLayout()
        self.kindLayout.setObjectName(u"kindLayout")
        self.kindLabel = QLabel(self.tablesPage)
        self.kindLabel.setObjectName(u"kindLabel")

        self.kindLayout.addWidget(self.kindLabel)

        self.kindCombo = QComboBox(self.tablesPage)
        self.kindCombo.setObjectName(u"kindCombo")

        self.kindLayout.addWidget(self.kindCombo)

        self.kindNote = QLabel(self.tablesPage)
        self.kindNote.setObjectName(u"kindNote")
        self.kindNote.setText(u"")

        self.kindLayout.addWidget(self.kindNote)

        self.kindSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.kindLayout.addItem(self.kindSpacer)


        self.tablesLayout.addLayout(self.kindLayout)

        self.tablesList = QListWidget(self.tablesPage)
        self.tablesList.setObjectName(u"tablesList")
        self.tablesList.setAlternatingRowColors(True)

        self.tablesLayout.addWidget(self.tablesList)

        PlanImportWizard.addPage(self.tablesPage)
        self.columnsPage = QWizardPage()
        self.columnsPage.setObjectName(u"columnsPage")
        self.columnsLayout = QVBoxLayout(self.columnsPage)
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.columnsTable = QTableWidget(self.columnsPage)
        self.columnsTable.setObjectName(u"columnsTable")
        self.columnsTable.setAlternatingRowColors(True)
        self.columnsTable.setWordWrap(False)

        self.columnsLayout.addWidget(self.columnsTable)

        PlanImportWizard.addPage(self.columnsPage)
        self.namesPage = QWizardPage()
        self.namesPage.setObjectName(u"namesPage")
        self.namesLayout = QVBoxLayout(self.namesPage)
        self.namesLayout.setObjectName(u"namesLayout")
        self.namesTable = QTableWidget(self.namesPage)
        self.namesTable.setObjectName(u"namesTable")
        self.namesTable.setAlternatingRowColors(True)

        self.namesLayout.addWidget(self.namesTable)

        PlanImportWizard.addPage(self.namesPage)
        self.previewPage = QWizardPage()
        self.previewPage.setObjectName(u"previewPage")
        self.previewLayout = QVBoxLayout(self.previewPage)
        self.previewLayout.setObjectName(u"previewLayout")
        self.metaLayout = QFormLayout()
        self.metaLayout.setObjectName(u"metaLayout")
        self.codeLabel = QLabel(self.previewPage)
        self.codeLabel.setObjectName(u"codeLabel")

        self.metaLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeEdit = QLineEdit(self.previewPage)
        self.codeEdit.setObjectName(u"codeEdit")

        self.metaLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.titleLabel = QLabel(self.previewPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.metaLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(self.previewPage)
        self.titleEdit.setObjectName(u"titleEdit")

        self.metaLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.yearsLabel = QLabel(self.previewPage)
        self.yearsLabel.setObjectName(u"yearsLabel")

        self.metaLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.yearsLabel)

        self.yearsLayout = QHBoxLayout()
        self.yearsLayout.setObjectName(u"yearsLayout")
        self.firstYearSpin = QSpinBox(self.previewPage)
        self.firstYearSpin.setObjectName(u"firstYearSpin")
        self.firstYearSpin.setMinimum(2000)
        self.firstYearSpin.setMaximum(2100)

        self.yearsLayout.addWidget(self.firstYearSpin)

        self.lastYearSpin = QSpinBox(self.previewPage)
        self.lastYearSpin.setObjectName(u"lastYearSpin")
        self.lastYearSpin.setMinimum(2000)
        self.lastYearSpin.setMaximum(2100)

        self.yearsLayout.addWidget(self.lastYearSpin)

        self.yearsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.yearsLayout.addItem(self.yearsSpacer)


        self.metaLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.yearsLayout)


        self.previewLayout.addLayout(self.metaLayout)

        self.previewTree = QTreeWidget(self.previewPage)
        self.previewTree.setObjectName(u"previewTree")
        self.previewTree.setAlternatingRowColors(True)

        self.previewLayout.addWidget(self.previewTree)

        self.warningsList = QListWidget(self.previewPage)
        self.warningsList.setObjectName(u"warningsList")
        self.warningsList.setWordWrap(True)
        self.warningsList.setMaximumSize(QSize(16777215, 120))

        self.previewLayout.addWidget(self.warningsList)

        PlanImportWizard.addPage(self.previewPage)

        self.retranslateUi(PlanImportWizard)

        QMetaObject.connectSlotsByName(PlanImportWizard)
    # setupUi

    def retranslateUi(self, PlanImportWizard: QWizard) -> None:
        PlanImportWizard.setWindowTitle(QCoreApplication.translate("PlanImportWizard", u"Importul unui plan din tabelul unui document", None))
        self.tablesPage.setTitle(QCoreApplication.translate("PlanImportWizard", u"1. Tabelele planului", None))
        self.tablesPage.setSubTitle(QCoreApplication.translate("PlanImportWizard", u"Bifa\u021bi tabelele (sau foile) care con\u021bin planul. Tabelele cu un cap de tabel recunoscut sunt bifate.", None))
        self.kindLabel.setText(QCoreApplication.translate("PlanImportWizard", u"Tipul planului:", None))
        self.columnsPage.setTitle(QCoreApplication.translate("PlanImportWizard", u"2. Coloanele", None))
        self.columnsPage.setSubTitle(QCoreApplication.translate("PlanImportWizard", u"Ce con\u021bine fiecare coloan\u0103 (ghicit din cuvintele capului de tabel; schimba\u021bi unde e nevoie).", None))
        self.namesPage.setTitle(QCoreApplication.translate("PlanImportWizard", u"3. Responsabilii necunoscu\u021bi", None))
        self.namesPage.setSubTitle(QCoreApplication.translate("PlanImportWizard", u"Aceste nume nu corespund niciunei subdiviziuni. Alege\u021bi pentru fiecare o subdiviziune existent\u0103, \u201eCreeaz\u0103 subdiviziune nou\u0103\u201d sau \u201eAlt responsabil (text)\u201d. Niciun nume nu este ignorat.", None))
        self.previewPage.setTitle(QCoreApplication.translate("PlanImportWizard", u"4. Previzualizare", None))
        self.previewPage.setSubTitle(QCoreApplication.translate("PlanImportWizard", u"Arborele citit (priorit\u0103\u021bi, ac\u021biuni, indicatori) \u0219i observa\u021biile. \u201eImport\u0103\u201d scrie tot planul \u00eentr-un singur pas, dup\u0103 o copie automat\u0103 a fi\u0219ierului.", None))
        self.codeLabel.setText(QCoreApplication.translate("PlanImportWizard", u"Codul planului:", None))
        self.titleLabel.setText(QCoreApplication.translate("PlanImportWizard", u"Titlul:", None))
        self.yearsLabel.setText(QCoreApplication.translate("PlanImportWizard", u"Anii:", None))
        ___qtreewidgetitem = self.previewTree.headerItem()
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("PlanImportWizard", u"Plan", None))
    # retranslateUi

