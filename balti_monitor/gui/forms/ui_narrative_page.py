"""Generated from ``ui/narrative_page.ui`` by ``tools/compile_ui.py`` (pyside6-uic): do not edit, edit the .ui file."""

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QFrame, QGridLayout, QGroupBox,
    QLabel, QLineEdit, QPlainTextEdit, QScrollArea,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_NarrativePage:
    def setupUi(self, NarrativePage: QWidget) -> None:
        if not NarrativePage.objectName():
            NarrativePage.setObjectName(u"NarrativePage")
        NarrativePage.resize(900, 900)
        self.outerLayout = QVBoxLayout(NarrativePage)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(0, 0, 0, 0)
        self.scrollArea = QScrollArea(NarrativePage)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setWidgetResizable(True)
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.content = QWidget()
        self.content.setObjectName(u"content")
        self.contentLayout = QVBoxLayout(self.content)
        self.contentLayout.setObjectName(u"contentLayout")
        self.contentLayout.setContentsMargins(14, -1, 14, -1)
        self.periodLabel = QLabel(self.content)
        self.periodLabel.setObjectName(u"periodLabel")
        self.periodLabel.setText(u"")
        self.periodLabel.setTextFormat(Qt.TextFormat.RichText)
        self.periodLabel.setWordWrap(True)

        self.contentLayout.addWidget(self.periodLabel)

        self.summaryBox = QGroupBox(self.content)
        self.summaryBox.setObjectName(u"summaryBox")
        self.summaryLayout = QVBoxLayout(self.summaryBox)
        self.summaryLayout.setObjectName(u"summaryLayout")
        self.summaryEdit = QPlainTextEdit(self.summaryBox)
        self.summaryEdit.setObjectName(u"summaryEdit")
        self.summaryEdit.setMinimumSize(QSize(0, 170))
        self.summaryEdit.setTabChangesFocus(True)

        self.summaryLayout.addWidget(self.summaryEdit)


        self.contentLayout.addWidget(self.summaryBox)

        self.risksBox = QGroupBox(self.content)
        self.risksBox.setObjectName(u"risksBox")
        self.risksLayout = QVBoxLayout(self.risksBox)
        self.risksLayout.setObjectName(u"risksLayout")
        self.risksIntroEdit = QLineEdit(self.risksBox)
        self.risksIntroEdit.setObjectName(u"risksIntroEdit")

        self.risksLayout.addWidget(self.risksIntroEdit)

        self.risksHint = QLabel(self.risksBox)
        self.risksHint.setObjectName(u"risksHint")

        self.risksLayout.addWidget(self.risksHint)

        self.risksEdit = QPlainTextEdit(self.risksBox)
        self.risksEdit.setObjectName(u"risksEdit")
        self.risksEdit.setMinimumSize(QSize(0, 150))
        self.risksEdit.setTabChangesFocus(True)

        self.risksLayout.addWidget(self.risksEdit)


        self.contentLayout.addWidget(self.risksBox)

        self.proposalsBox = QGroupBox(self.content)
        self.proposalsBox.setObjectName(u"proposalsBox")
        self.proposalsLayout = QVBoxLayout(self.proposalsBox)
        self.proposalsLayout.setObjectName(u"proposalsLayout")
        self.proposalsIntroEdit = QLineEdit(self.proposalsBox)
        self.proposalsIntroEdit.setObjectName(u"proposalsIntroEdit")

        self.proposalsLayout.addWidget(self.proposalsIntroEdit)

        self.proposalsHint = QLabel(self.proposalsBox)
        self.proposalsHint.setObjectName(u"proposalsHint")

        self.proposalsLayout.addWidget(self.proposalsHint)

        self.proposalsEdit = QPlainTextEdit(self.proposalsBox)
        self.proposalsEdit.setObjectName(u"proposalsEdit")
        self.proposalsEdit.setMinimumSize(QSize(0, 110))
        self.proposalsEdit.setTabChangesFocus(True)

        self.proposalsLayout.addWidget(self.proposalsEdit)


        self.contentLayout.addWidget(self.proposalsBox)

        self.signaturesBox = QGroupBox(self.content)
        self.signaturesBox.setObjectName(u"signaturesBox")
        self.signaturesLayout = QGridLayout(self.signaturesBox)
        self.signaturesLayout.setObjectName(u"signaturesLayout")
        self.nameHeader = QLabel(self.signaturesBox)
        self.nameHeader.setObjectName(u"nameHeader")

        self.signaturesLayout.addWidget(self.nameHeader, 0, 1, 1, 1)

        self.functionHeader = QLabel(self.signaturesBox)
        self.functionHeader.setObjectName(u"functionHeader")

        self.signaturesLayout.addWidget(self.functionHeader, 0, 2, 1, 1)

        self.preparedLabel = QLabel(self.signaturesBox)
        self.preparedLabel.setObjectName(u"preparedLabel")

        self.signaturesLayout.addWidget(self.preparedLabel, 1, 0, 1, 1)

        self.preparedNameEdit = QLineEdit(self.signaturesBox)
        self.preparedNameEdit.setObjectName(u"preparedNameEdit")

        self.signaturesLayout.addWidget(self.preparedNameEdit, 1, 1, 1, 1)

        self.preparedFunctionEdit = QLineEdit(self.signaturesBox)
        self.preparedFunctionEdit.setObjectName(u"preparedFunctionEdit")

        self.signaturesLayout.addWidget(self.preparedFunctionEdit, 1, 2, 1, 1)

        self.coordinatedLabel = QLabel(self.signaturesBox)
        self.coordinatedLabel.setObjectName(u"coordinatedLabel")

        self.signaturesLayout.addWidget(self.coordinatedLabel, 2, 0, 1, 1)

        self.coordinatedNameEdit = QLineEdit(self.signaturesBox)
        self.coordinatedNameEdit.setObjectName(u"coordinatedNameEdit")

        self.signaturesLayout.addWidget(self.coordinatedNameEdit, 2, 1, 1, 1)

        self.coordinatedFunctionEdit = QLineEdit(self.signaturesBox)
        self.coordinatedFunctionEdit.setObjectName(u"coordinatedFunctionEdit")

        self.signaturesLayout.addWidget(self.coordinatedFunctionEdit, 2, 2, 1, 1)

        self.extraLabel = QLabel(self.signaturesBox)
        self.extraLabel.setObjectName(u"extraLabel")
        self.extraLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.signaturesLayout.addWidget(self.extraLabel, 3, 0, 1, 1)

        self.extraEdit = QPlainTextEdit(self.signaturesBox)
        self.extraEdit.setObjectName(u"extraEdit")
        self.extraEdit.setMaximumSize(QSize(16777215, 80))
        self.extraEdit.setTabChangesFocus(True)

        self.signaturesLayout.addWidget(self.extraEdit, 3, 1, 1, 2)

        self.savedLabel = QLabel(self.signaturesBox)
        self.savedLabel.setObjectName(u"savedLabel")
        self.savedLabel.setStyleSheet(u"color: #666;")

        self.signaturesLayout.addWidget(self.savedLabel, 4, 1, 1, 2)


        self.contentLayout.addWidget(self.signaturesBox)

        self.bottomSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.contentLayout.addItem(self.bottomSpacer)

        self.scrollArea.setWidget(self.content)

        self.outerLayout.addWidget(self.scrollArea)

#if QT_CONFIG(shortcut)
        self.preparedLabel.setBuddy(self.preparedNameEdit)
        self.coordinatedLabel.setBuddy(self.coordinatedNameEdit)
        self.extraLabel.setBuddy(self.extraEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(NarrativePage)

        QMetaObject.connectSlotsByName(NarrativePage)
    # setupUi

    def retranslateUi(self, NarrativePage: QWidget) -> None:
        self.summaryBox.setTitle(QCoreApplication.translate("NarrativePage", u"I. Rezumatul executiv privind principalele progrese \u0219i deficien\u021be", None))
        self.summaryEdit.setPlaceholderText(QCoreApplication.translate("NarrativePage", u"Principalele progrese \u0219i deficien\u021be ale perioadei; men\u021biona\u021bi actul de aprobare a planului.", None))
        self.risksBox.setTitle(QCoreApplication.translate("NarrativePage", u"III. Riscuri aferente implement\u0103rii ac\u021biunilor", None))
        self.risksIntroEdit.setPlaceholderText(QCoreApplication.translate("NarrativePage", u"Fraza de introducere, de ex. \u201ePot ap\u0103rea urm\u0103toarele riscuri:\u201d", None))
        self.risksHint.setText(QCoreApplication.translate("NarrativePage", u"C\u00e2te un risc pe paragraf (fiecare r\u00e2nd nou \u00eencepe alt risc):", None))
        self.proposalsBox.setTitle(QCoreApplication.translate("NarrativePage", u"IV. Propuneri de modificare \u0219i ajustare a planului de ac\u021biuni", None))
        self.proposalsIntroEdit.setPlaceholderText(QCoreApplication.translate("NarrativePage", u"Fraza de introducere, de ex. \u201ePropunem urm\u0103toarele modific\u0103ri:\u201d", None))
        self.proposalsHint.setText(QCoreApplication.translate("NarrativePage", u"C\u00e2te o propunere pe paragraf (fiecare r\u00e2nd nou \u00eencepe alt\u0103 propunere):", None))
        self.signaturesBox.setTitle(QCoreApplication.translate("NarrativePage", u"Semn\u0103turi", None))
        self.nameHeader.setText(QCoreApplication.translate("NarrativePage", u"Numele", None))
        self.functionHeader.setText(QCoreApplication.translate("NarrativePage", u"Func\u021bia", None))
        self.preparedLabel.setText(QCoreApplication.translate("NarrativePage", u"&Elaborat:", None))
        self.coordinatedLabel.setText(QCoreApplication.translate("NarrativePage", u"&Coordonat:", None))
        self.extraLabel.setText(QCoreApplication.translate("NarrativePage", u"Alte &semn\u0103turi:", None))
        self.extraEdit.setPlaceholderText(QCoreApplication.translate("NarrativePage", u"C\u00e2te una pe r\u00e2nd: Func\u021bia | Numele", None))
        self.savedLabel.setText(QCoreApplication.translate("NarrativePage", u"Textul se salveaz\u0103 automat.", None))
        pass
    # retranslateUi

