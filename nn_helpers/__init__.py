"""nn_helpers — a biblioteca de apoio do curso «Redes Neurais — do zero ao Keras».

Módulos (cada um lido de cima a baixo em poucos minutos):

* ``datasets``   — dados reais com checksum e cache; a tabela de brinquedo do deck 000;
* ``losses``     — MSE, MAE, RMSE;
* ``linear``     — o modelo linear ``ŷ = X·c + b`` e mínimos quadrados;
* ``plotting``   — gráficos: dados e reta, curva e superfície do erro;
* ``validation`` — validação das entradas, com mensagens em português;
* ``grading``    — as verificações automáticas dos exercícios.
"""

__version__ = "0.1.0"
